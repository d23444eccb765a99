import { z } from 'zod';
import { text } from '../../api/text';
import { Empty } from '../../ipc/contract';
import { MAX_TOKEN_DAYS, TokenInfo, TokenIssued } from './api';

/** Token commands: online-only (tokens live on the platform; nothing of them is cached). */
export const tokensCommands = {
  /** The signed-in user's tokens, newest first. */
  'tokens:list': { input: Empty, output: z.array(TokenInfo) },
  /** A new token for the signed-in user; its secret is in the answer, once. */
  'tokens:create': {
    input: z
      .object({
        name: text().trim().min(1, 'Give the token a name').max(100),
        expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).nullable(),
      })
      .strict(),
    output: TokenIssued,
  },
  'tokens:revoke': { input: z.object({ id: text().min(1).max(100) }).strict(), output: TokenInfo },
} as const;
