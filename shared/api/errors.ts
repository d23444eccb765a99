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
} as const;
