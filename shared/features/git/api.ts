import { z } from 'zod';
import { text } from '../../api/text';
import { EnvironmentName } from '../catalog/api';

const Timestamp = z.iso.datetime({ offset: true });
const Sha = text().regex(/^[0-9a-f]{40}$/);

/** One commit of a service's repository, as the Source section lists it. */
export const RepositoryCommit = z.object({
  sha: Sha,
  authorName: text(),
  authorEmail: text(),
  /** The subject line. */
  message: z.string(),
  committedAt: Timestamp,
});
export type RepositoryCommit = z.infer<typeof RepositoryCommit>;

/** Which commit runs in an environment now (the live deployment's version), if any. */
export const EnvironmentCommit = z.object({
  environment: EnvironmentName,
  commitSha: Sha.nullable(),
  deploymentId: text().nullable(),
});
export type EnvironmentCommit = z.infer<typeof EnvironmentCommit>;

/** `GET /v1/services/:id/repository`: where to clone a service from and what its main holds. */
export const ServiceRepositoryView = z.object({
  /** Relative to the platform's URL: `/git/<service>.git`. */
  clonePath: text().regex(/^\/git\/[a-z0-9-]+\.git$/),
  defaultBranch: text(),
  /** The last 30 commits on the default branch, newest first. */
  commits: z.array(RepositoryCommit),
  /** Every environment, in the order of EnvironmentName. */
  environments: z.array(EnvironmentCommit),
});
export type ServiceRepositoryView = z.infer<typeof ServiceRepositoryView>;
