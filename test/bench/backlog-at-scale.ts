import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { backlogCsv } from '../../electron/backend/features/backlog/csv';
import { createBacklogHandlers } from '../../electron/backend/features/backlog/handlers';
import { listBacklog } from '../../electron/backend/features/backlog/queries';
import { listSupport } from '../../electron/backend/features/support/queries';
import { featureContext } from '../backend/feature-context';
import { openBacklogCacheAtScale } from '../backend/features/backlog/backlog-scale-cache';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Median of `runs` timings of `work` (ms), after one warm-up. */
function time(work: () => unknown, runs = 7): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

/** Filter, sort and re-rank 5,000 backlog items and list 1,000 support requests from the cache. */
export function printBacklogBench(items = 5_000, requests = 1_000): void {
  const env = openBacklogCacheAtScale(items, requests);
  try {
    const h = createBacklogHandlers(featureContext(env.cache.db)).handlers;
    const db = env.cache.db;
    let n = 0;
    const figures: [string, number][] = [
      ['list, lead order', time(() => listBacklog(db, {}))],
      [
        'filter: search + status',
        time(() => listBacklog(db, { search: 'deploys', statuses: ['planned', 'proposed'] })),
      ],
      [
        'sort: by score (RICE)',
        time(() => listBacklog(db, { model: 'rice', sort: { column: 'score', direction: 'desc' } })),
      ],
      ['sort: by title', time(() => listBacklog(db, { sort: { column: 'title', direction: 'asc' } }))],
      [
        're-rank (enqueue move + optimistic write)',
        time(() => h['backlog:move']({ id: `item-${(n += 7) % items}`, afterId: 'item-0', beforeId: null })),
      ],
      [
        're-rank + re-list (scores recomputed)',
        time(() => {
          h['backlog:move']({ id: `item-${(n += 7) % items}`, afterId: null, beforeId: 'item-0' });
          return listBacklog(db, {});
        }),
      ],
      ['CSV export, all items', time(() => backlogCsv(db, {}), 3)],
      ['support list + SLA + load', time(() => listSupport(db, {}))],
      [
        'support: status+tier+SLA filter, SLA due',
        time(() =>
          listSupport(db, {
            statuses: ['open'],
            tiers: ['community', 'direct'],
            slaStates: ['breached', 'escalated'],
            sort: { column: 'slaDue', direction: 'asc' },
          }),
        ),
      ],
      [
        'support: search+capability, by tier',
        time(() =>
          listSupport(db, {
            search: 'deploys',
            capabilities: ['secrets', 'deployment'],
            sort: { column: 'tier', direction: 'desc' },
          }),
        ),
      ],
      [
        'support: all, sort by SLA due',
        time(() => listSupport(db, { sort: { column: 'slaDue', direction: 'asc' } })),
      ],
    ];
    console.log(`\nbacklog — ${fmt(items)} items, ${fmt(requests)} support requests (median ms)`);
    for (const [label, ms] of figures) console.log(`  ${label.padEnd(42)} ${fmt(ms)} ms`);
  } finally {
    env.cache.close();
    rmSync(env.dir, { recursive: true, force: true });
  }
}
