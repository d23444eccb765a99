import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CatalogQuery } from '../../shared/features/catalog/ipc';
import { CatalogPage } from '../../shared/features/catalog/ipc';
import type { ChangeEntry } from '../../shared/contract';
import { Service } from '../../shared/features/catalog/api';
import { backendFeatures } from '../../electron/backend/features';
import { listCatalog } from '../../electron/backend/features/catalog/queries';
import { forgetKeptSearches } from '../../electron/backend/features/catalog/read-index';
import { medianOf } from './bench-platform';
import { fillCatalogCache } from './catalog-cache';

export interface CatalogReadFigures {
  services: number;
  /** Every view's median time; the slowest view is what the target reads. */
  views: { name: string; ms: number; bytes: number }[];
  slowestMs: number;
  slowestView: string;
  largestAnswerBytes: number;
}

const sorts = ['name', 'title', 'team', 'tier', 'lifecycle', 'updatedAt'] as const;

/**
 * `catalog:list` against a cache of `count` services: the first window, the last window of
 * every sort in both directions, the middle of the list, searches (one- and two-letter prefixes
 * matching many rows, a word, nothing), the end and the middle of a broad search, filters, a
 * search with filters, the middle of a team's services, and a search just after a service was
 * written (the read index and the kept search updated by the writer). Each view is asked 5 times,
 * its median kept. The read index keeps the last searches between reads; here it forgets them
 * before each run, so a search's first page pays for its FTS5 query and counts every time, and a
 * window deep in a search is timed after that search's first page, as scrolling reaches it.
 */
export function measureCatalogReads(count: number): CatalogReadFigures {
  const bench = fillCatalogCache(count);
  const { db } = bench.cache;
  try {
    const total = (q: CatalogQuery) => listCatalog(db, { ...q, limit: 1 }).total;
    const views: [string, CatalogQuery][] = [
      ['first window', {}],
      ['search "p"', { search: 'p' }],
      ['search "pa"', { search: 'pa' }],
      ['search "payments"', { search: 'payments' }],
      ['search "payments api 12"', { search: 'payments api 12' }],
      ['search with no match', { search: 'zzzz' }],
      ['filters tier 1 + production', { tiers: [1], lifecycles: ['production'] }],
      [
        'search "pay" + team + tier',
        { search: 'pay', tiers: [2], teamIds: [listCatalog(db, {}).facets.teams[3]?.value ?? ''] },
      ],
    ];
    for (const column of sorts) {
      for (const direction of ['asc', 'desc'] as const) {
        const q: CatalogQuery = { sort: { column, direction } };
        views.push([
          `end of ${column} ${direction}`,
          { ...q, offset: Math.max(0, total(q) - 100), limit: 100 },
        ]);
      }
    }
    views.push(['middle of name asc', { offset: Math.floor(total({}) / 2), limit: 100 }]);
    views.push(['middle of search "p"', { search: 'p', offset: Math.floor(total({ search: 'p' }) / 2) }]);
    const oneTeam: CatalogQuery = {
      teamIds: [listCatalog(db, {}).facets.teams[5]?.value ?? ''],
      sort: { column: 'title', direction: 'asc' },
    };
    views.push(['middle of a team by title', { ...oneTeam, offset: Math.floor(total(oneTeam) / 2) }]);
    views.push([
      'end of search "p" by team',
      { search: 'p', sort: { column: 'team', direction: 'desc' }, offset: total({ search: 'p' }) - 100 },
    ]);
    const filtered: CatalogQuery = {
      search: 'payments',
      lifecycles: ['deprecated'],
      sort: { column: 'team', direction: 'desc' },
    };
    views.push([
      'end of a filtered search by team',
      { ...filtered, offset: Math.max(0, total(filtered) - 100), limit: 100 },
    ]);

    // A pulled page that rewrites one service, as an incremental sync does.
    const { id, data } = db.prepare('SELECT id, data FROM services LIMIT 1').get() as {
      id: string;
      data: string;
    };
    const rewrite = (seq: number): ChangeEntry => ({
      seq,
      entity: 'service',
      id,
      op: 'put',
      data: Service.parse(JSON.parse(data)),
    });
    const afterWrite = 'search "p" just after a service write';
    views.push([afterWrite, { search: 'p' }]);

    // Windows deep in a search: reached by scrolling the search's first page, never asked cold.
    const scrolls = new Set([
      'middle of search "p"',
      'end of search "p" by team',
      'end of a filtered search by team',
    ]);
    const measured = views.map(([name, q]) => {
      const runs: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 5; i++) {
        // A cold search every run: the index forgets the searches it kept.
        if (name !== afterWrite) forgetKeptSearches(db);
        // Scrolling a search follows its first page: that one (cold, untimed) is asked first.
        if (scrolls.has(name) && q.search) listCatalog(db, { search: q.search, limit: 100 });
        if (name === afterWrite)
          db.transaction(() =>
            backendFeatures.model.entities.applyMany(db, [rewrite(1_000_000 + i)], new Set()),
          )();
        const started = performance.now();
        const page = listCatalog(db, { limit: 100, ...q });
        // What crosses IPC: the answer as validated and serialized.
        bytes = JSON.stringify(CatalogPage.parse(page)).length;
        runs.push(performance.now() - started);
      }
      return { name, ms: medianOf(runs) ?? 0, bytes };
    });
    const slowest = measured.reduce((a, b) => (b.ms > a.ms ? b : a));
    return {
      services: count,
      views: measured,
      slowestMs: slowest.ms,
      slowestView: slowest.name,
      largestAnswerBytes: Math.max(...measured.map((v) => v.bytes)),
    };
  } finally {
    bench.close();
  }
}

/** `npx tsx test/bench/catalog-reads.ts [services]`: these views alone (20,000 services by default). */
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const figures = measureCatalogReads(Number(process.argv[2] ?? 20_000));
  for (const view of figures.views) console.log(`${view.ms.toFixed(2).padStart(8)} ms  ${view.name}`);
  console.log(`slowest: ${figures.slowestView}, ${figures.slowestMs.toFixed(2)} ms`);
}
