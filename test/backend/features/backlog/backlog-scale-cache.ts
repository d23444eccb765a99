import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendFeatures } from '../../../../electron/backend/features';
import { openCache } from '../../../../electron/backend/cache/open-cache';
import type { ChangeEntry } from '../../../../shared/contract';
import { generateBacklog, generateSupportRequests, generateTeams } from '../../../fixtures/backlog';

/** A real cache filled through the same entity writers a pull uses, at the scale. */
export function openBacklogCacheAtScale(
  items = 5_000,
  requests = 1_000,
  now = new Date('2025-03-01T12:00:00Z'),
) {
  const dir = mkdtempSync(join(tmpdir(), 'pave-backlog-scale-'));
  const cache = openCache(join(dir, 'cache.db'), backendFeatures.migrations);
  const teams = generateTeams(60);
  const changes: ChangeEntry[] = [
    ...teams.map((data, i) => ({
      seq: i + 1,
      entity: 'team' as const,
      id: data.id,
      op: 'put' as const,
      data,
    })),
    ...generateBacklog(items, teams).map((data, i) => ({
      seq: 1000 + i,
      entity: 'backlog_item' as const,
      id: data.id,
      op: 'put' as const,
      data,
    })),
    ...generateSupportRequests(requests, teams, now).map((data, i) => ({
      seq: 100_000 + i,
      entity: 'support_request' as const,
      id: data.id,
      op: 'put' as const,
      data,
    })),
  ];
  const touched = new Set<string>();
  cache.db.transaction(() => {
    for (const change of changes) backendFeatures.model.entities.apply(cache.db, change, touched);
  })();
  return { cache, dir, now, teams };
}
