import { z } from 'zod';
import { Id, Timestamp } from '../../api/directory';
import { text } from '../../api/text';

/**
 * Personal access tokens with a lifecycle (issue 13, finding 6): created with a name and an
 * expiry, listed without ever showing the secret or its hash, revoked. The secret is answered
 * once, at creation.
 */

/** Longest expiry a token may be given, in days (about ten years). */
export const MAX_TOKEN_DAYS = 3650;

export const TokenStatus = z.enum(['active', 'expired', 'revoked']);
export type TokenStatus = z.infer<typeof TokenStatus>;

export const TokenInfo = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  /** null = never expires. */
  expiresAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
  status: TokenStatus,
  /** The token this request was made with (revoking it signs this client out). */
  current: z.boolean(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

/** `POST /v1/tokens`: neither `expiresAt` nor `expiresInDays` = a token that never expires. */
export const TokenCreateRequest = z
  .object({
    name: text().trim().min(1).max(100),
    expiresAt: Timestamp.optional(),
    expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional(),
  })
  .strict()
  .refine((v) => v.expiresAt === undefined || v.expiresInDays === undefined, {
    message: 'give expiresAt or expiresInDays, not both',
  });
export type TokenCreateRequest = z.infer<typeof TokenCreateRequest>;

export const TokenIssued = z.object({ token: z.string().min(20), info: TokenInfo });
export type TokenIssued = z.infer<typeof TokenIssued>;

export const TokenList = z.object({ items: z.array(TokenInfo) });

/** `GET /v1/tokens?userId=`: an admin may name any user; everyone else sees their own. */
export const TokenListQuery = z.object({ userId: Id.optional() });
