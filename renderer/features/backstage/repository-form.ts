import { z } from 'zod';
import { RepositoryUrl } from '../../../shared/features/backstage/api';

/** The "repository URL" form: the API's own rule, so a bad URL is said under the field before anything is sent. */
export const RepositoryDraft = z.object({ url: z.string().trim().min(1).pipe(RepositoryUrl) });
export type RepositoryDraft = z.infer<typeof RepositoryDraft>;

/** "a repository URL starts with…" → "A repository URL starts with…"; "is required" → "Repository URL is required". */
export const sayUrlProblem = (message: string): string =>
  /^(is|must|needs) /.test(message)
    ? `Repository URL ${message}`
    : message.charAt(0).toUpperCase() + message.slice(1);
