import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendFeatures } from '../../../../electron/backend/features';
import { openCache } from '../../../../electron/backend/cache/open-cache';
import type { ChangeEntry } from '../../../../shared/contract';
import { generateTeams } from '../../../fixtures/backlog';
import { generateSupportRequestsWithLifecycle } from '../../../fixtures/support-requests';

/** A real cache holding `requests` support requests, filled through the entity writers a pull uses. */
export function openSupportCacheAtScale(requests = 1_000, now = new Date('2025-03-01T12:00:00Z')) {
  const dir = mkdtempSync(join(tmpdir(), 'pave-support-scale-'));
  const cache = openCache(join(dir, 'cache.db'), backendFeatures.migrations);
  const teams = generateTeams(40);
  const generated = generateSupportRequestsWithLifecycle(requests, teams, now);
  const changes: ChangeEntry[] = [
    ...teams.map((data, i) => ({
      seq: i + 1,
      entity: 'team' as const,
      id: data.id,
      op: 'put' as const,
      data,
    })),
    ...generated.map((data, i) => ({
      seq: 1000 + i,
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
  return { cache, dir, now, teams, requests: generated };
}
