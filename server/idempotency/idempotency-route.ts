import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { ApiErrorCode } from '../../shared/api/errors';
import { principalOf } from '../auth/authenticate';
import { withTransaction } from '../db/transaction';
import { ApiError } from '../http/api-error';
import { claimIdempotencyKey, completeIdempotencyKey, type IdempotencyScope } from './idempotency';

export interface IdempotencyRouteConfig {
  /** Reject requests without the header (default: the header is optional). */
  required?: boolean;
  /**
   * What the request means, compared across retries with the same key. Default: method, route,
   * params and body. Return the same value a push mutation passes to `runIdempotent` to make the
   * REST call and the mutation resolve to one result.
   */
  fingerprint?: (request: FastifyRequest) => unknown;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour the `Idempotency-Key` header on this route (see installIdempotency). */
    idempotency?: IdempotencyRouteConfig | true;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotency-Replayed';

// Printable ASCII, as the draft's examples (UUIDs, random strings); bounded for the index.
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * The REST side of Idempotency-Key, for the 201/202/204 mutations routes opt into with
 * `config: { idempotency: true }` (or `{ fingerprint, required }`). The key is claimed in its own
 * transaction before the handler runs (so a concurrent retry sees "running" → 409), the
 * response is stored when it is sent, and a 5xx deletes the claim so the client may retry.
 * Runs after auth and schema validation: a 400 for bad input never consumes a key.
 */
export function installIdempotency(app: FastifyInstance, pool: Pool): void {
  const claimed = new WeakMap<FastifyRequest, Pick<IdempotencyScope, 'userId' | 'key'>>();

  app.addHook('preHandler', async (request, reply) => {
    const config = request.routeOptions.config.idempotency;
    if (!config) return;
    const options: IdempotencyRouteConfig = config === true ? {} : config;
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) {
      if (options.required) {
        throw new ApiError(400, ApiErrorCode.validation, 'this endpoint requires an Idempotency-Key header');
      }
      return;
    }
    const key = Array.isArray(header) ? undefined : header;
    if (!key || !KEY_PATTERN.test(key)) {
      throw new ApiError(
        400,
        ApiErrorCode.validation,
        'Idempotency-Key must be one value of 1–255 printable characters',
      );
    }
    const scope: IdempotencyScope = {
      userId: principalOf(request).userId,
      key,
      fingerprint: options.fingerprint
        ? options.fingerprint(request)
        : {
            method: request.method,
            route: request.routeOptions.url,
            params: request.params,
            body: request.body,
          },
    };
    const outcome = await withTransaction(pool, (tx) => claimIdempotencyKey(tx, scope));
    if (outcome.kind === 'replay') {
      reply.header(REPLAYED_HEADER, 'true').code(outcome.response.status);
      return reply.send(outcome.response.body);
    }
    claimed.set(request, { userId: scope.userId, key });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const scope = claimed.get(request);
    if (!scope) return payload;
    claimed.delete(request);
    const status = reply.statusCode;
    if (status >= 500) {
      // The effect did not (knowingly) happen: free the key so the same request can be retried.
      await pool.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2', [
        scope.userId,
        scope.key,
      ]);
      return payload;
    }
    let body: unknown;
    if (typeof payload === 'string' && payload.length) {
      try {
        body = JSON.parse(payload) as unknown;
      } catch {
        body = payload;
      }
    }
    await withTransaction(pool, (tx) => completeIdempotencyKey(tx, scope, { status, body }));
    return payload;
  });
}
