import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import {
  TokenCreateRequest,
  TokenInfo,
  TokenIssued,
  TokenList,
  TokenListQuery,
} from '../../../shared/features/tokens/api';
import { writeAudit } from '../../audit/audit-log';
import { withTransaction } from '../../db/transaction';
import { forbidden, invalid, notFound } from '../../http/api-error';
import { errorResponses, IdParams } from '../../http/schemas';
import { principalOf } from '../../auth/authenticate';
import { createToken, type Principal } from '../../auth/tokens';
import { getToken, listTokens, revokeToken } from './store';

const DAY_MS = 24 * 3600_000;

/** When a new token expires: the request's date, or now + days; null = never. */
function expiryOf(body: TokenCreateRequest, now: Date): Date | null {
  if (body.expiresInDays !== undefined) return new Date(now.getTime() + body.expiresInDays * DAY_MS);
  if (body.expiresAt === undefined) return null;
  const at = new Date(body.expiresAt);
  if (at <= now) throw invalid('expiresAt must be in the future');
  if (at.getTime() - now.getTime() > 3650 * DAY_MS) throw invalid('expiresAt is more than ten years away');
  return at;
}

/** Admins manage every user's tokens (docs/architecture.md, "Core"); others only their own. */
function assertMayManage(principal: Principal, userId: string): void {
  if (principal.role !== 'admin' && principal.userId !== userId) {
    throw forbidden("only admins may manage another user's tokens");
  }
}

/**
 * Token lifecycle (issue 13, finding 6): `POST /v1/tokens` creates one for the caller and answers
 * its secret once; `GET /v1/tokens` lists (never the secret or its hash); `DELETE /v1/tokens/:id`
 * revokes. Expired and revoked tokens are refused with their own 401 codes (authenticate.ts).
 */
export const tokenRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  const tags = ['tokens'];

  app.get(
    '/v1/tokens',
    { schema: { tags, querystring: TokenListQuery, response: { 200: TokenList, ...errorResponses } } },
    async (request) => {
      const principal = principalOf(request);
      const userId = request.query.userId ?? principal.userId;
      assertMayManage(principal, userId);
      return { items: await listTokens(pool, userId, principal.tokenId) };
    },
  );

  app.post(
    '/v1/tokens',
    { schema: { tags, body: TokenCreateRequest, response: { 201: TokenIssued, ...errorResponses } } },
    async (request, reply) => {
      const principal = principalOf(request);
      const expiresAt = expiryOf(request.body, new Date());
      const issued = await withTransaction(pool, async (tx) => {
        const created = await createToken(tx, principal.userId, request.body.name, expiresAt);
        // The audit row names the token, never its value.
        await writeAudit(tx, principal.userId, 'token.create', 'token', created.id, {
          name: request.body.name,
          expiresAt: expiresAt?.toISOString() ?? null,
        });
        const info = await getToken(tx, created.id, principal.tokenId);
        if (!info) throw new Error(`token ${created.id} vanished`);
        return { token: created.token, info };
      });
      return reply.code(201).send(issued);
    },
  );

  app.delete(
    '/v1/tokens/:id',
    { schema: { tags, params: IdParams, response: { 200: TokenInfo, ...errorResponses } } },
    async (request) => {
      const principal = principalOf(request);
      return withTransaction(pool, async (tx) => {
        const token = await getToken(tx, request.params.id, principal.tokenId);
        // Someone else's token is "not found" to a non-admin: its id reveals nothing.
        if (!token || (principal.role !== 'admin' && token.userId !== principal.userId)) {
          throw notFound(`token ${request.params.id}`);
        }
        const revoked = await revokeToken(tx, token.id, principal.tokenId);
        if (!revoked) throw notFound(`token ${request.params.id}`);
        if (!token.revokedAt) {
          await writeAudit(tx, principal.userId, 'token.revoke', 'token', token.id, { userId: token.userId });
        }
        return revoked;
      });
    },
  );
};
