import path from 'node:path';
import type { Pool } from 'pg';
import { EnvironmentName } from '../../../shared/features/catalog/api';
import type { ServiceRepositoryView } from '../../../shared/features/git/api';
import type { ServiceRepository } from '../self-service/public';
import { listCommits, refSha } from './commit-log';

const DEFAULT_BRANCH = 'main';
const RECENT_COMMITS = 30;

/** The Source view of a service's repository: clone path, recent commits on main, what runs where. */
export async function repositoryView(
  pool: Pool,
  repository: ServiceRepository,
): Promise<ServiceRepositoryView> {
  const head = await refSha(repository.bareRepo, `refs/heads/${DEFAULT_BRANCH}`);
  const commits = head ? await listCommits(repository.bareRepo, [head], RECENT_COMMITS) : [];
  // Read-only SQL on self-service's table: the live deployment per environment is one indexed
  // row each, and self-service's public entry offers no reader of it (no write happens here).
  const { rows } = await pool.query<{ id: string; environment: string; version: string }>(
    "SELECT id, environment, version FROM deployments WHERE service_id = $1 AND status = 'live'",
    [repository.serviceId],
  );
  const live = new Map(rows.map((row) => [row.environment, row]));
  return {
    clonePath: `/git/${path.basename(repository.bareRepo)}`,
    defaultBranch: DEFAULT_BRANCH,
    commits,
    environments: EnvironmentName.options.map((environment) => {
      const row = live.get(environment);
      return {
        environment,
        commitSha: row && /^[0-9a-f]{40}$/.test(row.version) ? row.version : null,
        deploymentId: row?.id ?? null,
      };
    }),
  };
}
