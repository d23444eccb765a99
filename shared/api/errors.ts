import { z } from 'zod';

/** Every API error: `{error:{code,message}}`, 4xx for anything the caller got wrong. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Codes clients branch on; others may appear and are shown as they are. */
export const ApiErrorCode = {
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  validation: 'validation_failed',
  conflict: 'conflict',
  resyncRequired: 'resync_required',
  /** 401: the token's expiry has passed; create a new one (Settings → Tokens). */
  tokenExpired: 'token_expired',
  /** 401: the token was revoked; create a new one (Settings → Tokens). */
  tokenRevoked: 'token_revoked',
  /** The database refused a value (SQLSTATE class 22): permanent, fix the input. */
  invalidData: 'invalid_data',
} as const;
