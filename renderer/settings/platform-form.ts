import { z } from 'zod';
import { ipcCommands } from '../../shared/contract';

const PlatformInput = ipcCommands['settings:setPlatform'].input;

/**
 * The "Connect to a platform" form: the API's own rules for the URL and the token, each with a
 * sentence that says what to type (a bare "must be a web address" does not say http(s) is needed).
 */
export const PlatformDraft = z.object({
  url: z
    .string()
    .trim()
    .refine(
      (url) => PlatformInput.shape.url.safeParse(url).success,
      'Enter an http(s) URL, e.g. https://platform.example.com',
    ),
  token: z
    .string()
    .trim()
    .refine(
      (token) => PlatformInput.shape.token.safeParse(token).success,
      'A token is 10 to 500 characters.',
    ),
});
export type PlatformDraft = z.infer<typeof PlatformDraft>;
