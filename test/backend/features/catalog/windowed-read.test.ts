import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../../shared/features/catalog/api';
import type { ChangeEntry } from '../../../../shared/contract';
import type { CatalogSortColumn } from '../../../../shared/features/catalog/ipc';
import { openCache, type Cache } from '../../../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../../../electron/backend/features';
import { toFtsQuery } from '../../../../electron/backend/features/catalog/fts-query';
import { listCatalog } from '../../../../electron/backend/features/catalog/queries';
import { createPrng } from '../../../../shared/domain/seeded-random';
import { service, team } from '../../catalog-fixtures';

/**
 * A windowed read (offset/limit along a sort index, counts from the facet cube) must return
 * exactly what a full read would: here the full read is computed independently, in plain code,
 * from the rows as written, for random searches, filters, sorts and windows.
 */

const { migrations, model } = backendFeatures;
const words = ['pay', 'ledger', 'search', 'Edge', 'alpha', 'beta'];
const teams = [team('team-a', 'Avocado'), team('team-b', 'banana'), team('team-c', 'Cherry')];
const lifecycles = ['experimental', 'production', 'deprecated'] as const;
const rank = { experimental: 1, production: 2, deprecated: 3 } as const;

let dir: string;
let cache: Cache;
let services: Service[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-window-'));
  cache = openCache(join(dir, 'cache.db'), migrations);
  const random = createPrng(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  services = Array.from({ length: 300 }, (_, i) =>
    service(`svc-${String(i).padStart(3, '0')}`, {
      name: `${pick(words).toLowerCase()}-${i}`,
      // Few distinct titles and timestamps: ties are frequent, so the tie-break is exercised.
      title: `${pick(words)} ${pick(['API', 'worker', 'Web'])}`,
      description: pick(['', 'handles pay outs', 'the ledger']),
      // team-x is never synced: the row shows no team name and sorts by the owner id.
      ownerTeamId: pick(['team-a', 'team-b', 'team-c', 'team-x']),
      tier: pick([1, 2, 3, 4] as const),
      lifecycle: pick(lifecycles),
      tags: random() < 0.3 ? [pick(words).toLowerCase()] : [],
      updatedAt: new Date(Date.UTC(2025, 0, 1 + Math.floor(random() * 5))).toISOString(),
    }),
  );
  const changes: ChangeEntry[] = [
    ...teams.map((t, i) => ({ seq: i + 1, entity: 'team' as const, id: t.id, op: 'put' as const, data: t })),
    ...services.map((s, i) => ({
      seq: 10 + i,
      entity: 'service' as const,
      id: s.id,
      op: 'put' as const,
      data: s,
    })),
  ];
  cache.db.transaction(() => model.entities.applyMany(cache.db, changes, new Set()))();
});
afterAll(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

const teamName = (s: Service) => teams.find((t) => t.id === s.ownerTeamId)?.name ?? s.ownerTeamId;
const sortKey: Record<CatalogSortColumn, (s: Service) => string | number> = {
  name: (s) => s.name.toLowerCase(),
  title: (s) => s.title.toLowerCase(),
  team: (s) => teamName(s).toLowerCase(),
  tier: (s) => s.tier,
  lifecycle: (s) => rank[s.lifecycle],
  updatedAt: (s) => s.updatedAt,
};
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

const Query = fc.record({
  search: fc.constantFrom('', 'p', 'a', 'pa', 'e l', 'pay', 'led', 'edge', 'alpha beta', 'avocado', 'zzz'),
  teamIds: fc.subarray(['team-a', 'team-b', 'team-c', 'team-x']),
  tiers: fc.subarray([1, 2, 3, 4] as const),
  lifecycles: fc.subarray([...lifecycles]),
  sort: fc.record({
    column: fc.constantFrom<CatalogSortColumn>('name', 'title', 'team', 'tier', 'lifecycle', 'updatedAt'),
    direction: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
  }),
  offset: fc.integer({ min: 0, max: 320 }),
  limit: fc.integer({ min: 1, max: 80 }),
});

describe('windowed catalog reads', () => {
  it('return the same rows, totals and facet counts as a full read', () => {
    fc.assert(
      fc.property(Query, (q) => {
        const fts = toFtsQuery(q.search);
        const matched = fts
          ? new Set(
              (
                cache.db
                  .prepare(
                    'SELECT s.id FROM services_fts f JOIN services s ON s.rowid = f.rowid WHERE services_fts MATCH ?',
                  )
                  .all(fts) as { id: string }[]
              ).map((r) => r.id),
            )
          : null;
        const inSearch = services.filter((s) => !matched || matched.has(s.id));
        const teamOk = (s: Service) => q.teamIds.length === 0 || q.teamIds.includes(s.ownerTeamId);
        const tierOk = (s: Service) => q.tiers.length === 0 || (q.tiers as number[]).includes(s.tier);
        const lcOk = (s: Service) => q.lifecycles.length === 0 || q.lifecycles.includes(s.lifecycle);
        const sign = q.sort.direction === 'asc' ? 1 : -1;
        const full = inSearch
          .filter((s) => teamOk(s) && tierOk(s) && lcOk(s))
          .sort(
            (a, b) =>
              sign *
              // Names are unique, as on the platform: the name settles every tie.
              (compare(sortKey[q.sort.column](a), sortKey[q.sort.column](b)) ||
                compare(a.name.toLowerCase(), b.name.toLowerCase())),
          );

        const page = listCatalog(cache.db, q);
        expect(page.rows.map((r) => r.id)).toEqual(full.slice(q.offset, q.offset + q.limit).map((s) => s.id));
        expect(page.offset).toBe(q.offset);
        expect(page.total).toBe(full.length);
        expect(page.totalAll).toBe(services.length);
        const count = (list: Service[]) => list.length;
        for (const t of page.facets.teams)
          expect(t.count).toBe(
            count(inSearch.filter((s) => s.ownerTeamId === t.value && tierOk(s) && lcOk(s))),
          );
        for (const t of page.facets.tiers)
          expect(t.count).toBe(count(inSearch.filter((s) => s.tier === t.value && teamOk(s) && lcOk(s))));
        for (const l of page.facets.lifecycles)
          expect(l.count).toBe(
            count(inSearch.filter((s) => s.lifecycle === l.value && teamOk(s) && tierOk(s))),
          );
      }),
      { numRuns: 300 },
    );
  });

  it('answers a row with its owner team name, or none while the team is not synced', () => {
    const page = listCatalog(cache.db, { sort: { column: 'team', direction: 'asc' }, limit: 500 });
    expect(page.rows.find((r) => r.ownerTeamId === 'team-a')?.ownerTeamName).toBe('Avocado');
    expect(page.rows.find((r) => r.ownerTeamId === 'team-x')?.ownerTeamName).toBeNull();
  });
});

describe('a pulled page of services', () => {
  it('indexes new and changed rows for search exactly as row-by-row writes do', () => {
    const bulk = openCache(join(dir, 'bulk.db'), migrations);
    const single = openCache(join(dir, 'single.db'), migrations);
    const put = (s: Service, seq: number): ChangeEntry => ({
      seq,
      entity: 'service',
      id: s.id,
      op: 'put',
      data: s,
    });
    const first = [service('one', { description: 'alpha' }), service('two', { description: 'beta' })];
    // The second page renames one existing row and adds two new ones.
    const second = [
      service('two', { description: 'gamma' }),
      service('three', { description: 'delta', tags: ['edge'] }),
      service('four', { description: 'alpha' }),
    ];
    for (const db of [bulk.db, single.db]) {
      db.transaction(() => model.entities.applyMany(db, first.map(put), new Set()))();
    }
    bulk.db.transaction(() => model.entities.applyMany(bulk.db, second.map(put), new Set()))();
    single.db.transaction(() =>
      second.forEach((s, i) => model.entities.apply(single.db, put(s, i), new Set())),
    )();
    for (const search of ['alpha', 'beta', 'gamma', 'delta', 'edge', 'one', 'four']) {
      const ids = (db: Cache) => listCatalog(db.db, { search }).rows.map((r) => r.id);
      expect(ids(bulk), search).toEqual(ids(single));
    }
    expect(listCatalog(bulk.db, { search: 'beta' }).total).toBe(0);
    expect(listCatalog(bulk.db, { search: 'alpha' }).rows.map((r) => r.id)).toEqual(['four', 'one']);
    bulk.close();
    single.close();
  });
});

describe('service counts per team, tier and lifecycle', () => {
  it('stay equal to counting the rows through new rows, moves between cells, deletes and a resync', () => {
    const counted = openCache(join(dir, 'counted.db'), migrations);
    const { db } = counted;
    const cells = () =>
      db.prepare('SELECT team, tier, lifecycle, n FROM service_facet_counts ORDER BY 1, 2, 3').all();
    const grouped = () =>
      db
        .prepare(
          `SELECT owner_team_id AS team, tier, lifecycle, COUNT(*) AS n FROM services
           GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        )
        .all();
    const random = createPrng(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    let seq = 1;
    for (let round = 0; round < 20; round++) {
      const changes: ChangeEntry[] = Array.from({ length: 15 }, () => {
        const id = `svc-${Math.floor(random() * 12)}`;
        return random() < 0.25
          ? { seq: seq++, entity: 'service' as const, id, op: 'del' as const, data: null }
          : {
              seq: seq++,
              entity: 'service' as const,
              id,
              op: 'put' as const,
              data: service(id, {
                ownerTeamId: pick(['team-a', 'team-b']),
                tier: pick([1, 2] as const),
                lifecycle: pick(lifecycles),
              }),
            };
      });
      // Pulled pages (runs of puts) and single writes (optimistic edits) alike.
      db.transaction(() =>
        round % 2 === 0
          ? model.entities.applyMany(db, changes, new Set())
          : changes.forEach((change) => model.entities.apply(db, change, new Set())),
      )();
      expect(cells()).toEqual(grouped());
      const page = listCatalog(db, {});
      expect(page.totalAll).toBe(db.prepare('SELECT COUNT(*) FROM services').pluck().get());
    }
    db.transaction(() => model.entities.clear(db, 'another-epoch'))();
    expect(cells()).toEqual([]);
    counted.close();
  });
});
