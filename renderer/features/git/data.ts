import { queryOptions } from '@tanstack/react-query';
import type { QueryKeysByTable } from '../../data/table-invalidation';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';

export const gitKeys = {
  all: ['git'] as const,
  source: (serviceId: string) => ['git', 'source', serviceId] as const,
};

/**
 * Cache tables → the Source queries. Commits are not synced, but every push and deploy syncs
 * down as a platform event (and a deploy as a deployment): either means new commits or another
 * commit running somewhere, so the section asks the platform again. git_repositories is written
 * only by the query that reads it; it is listed for a resync, which clears it.
 */
export const gitQueryKeysByTable: QueryKeysByTable = {
  platform_events: [gitKeys.all],
  deployments: [gitKeys.all],
  git_repositories: [gitKeys.all],
};

export const sourceQuery = (serviceId: string) =>
  queryOptions({
    queryKey: gitKeys.source(serviceId),
    queryFn: async () => unwrap(await pave().invoke('git:repository', { serviceId })),
  });
