import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Service } from '../../../../shared/features/catalog/api';
import type { ChangeEntry } from '../../../../shared/contract';
import type { CatalogQuery } from '../../../../shared/features/catalog/ipc';
import { openCache, type Cache } from '../../../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../../../electron/backend/features';
import { toFtsQuery } from '../../../../electron/backend/features/catalog/fts-query';
import { listCatalog } from '../../../../electron/backend/features/catalog/queries';
import { readIndexIsCurrent, WARM_AFTER_MS } from '../../../../electron/backend/features/catalog/read-index';
import { createPrng } from '../../../../shared/domain/seeded-random';
import { del, put, service, team } from '../../catalog-fixtures';

/**
 * The read index (rows' facet cells and sort orders held in memory) must follow every write to
 * the catalog: here reads that use it (a search, a team filter) alternate with pulled pages and
 * single writes that add, move between cells, rename and delete services and rename teams, and
 * each answer is checked against the rows as they are in the cache at that moment.
 */

const { migrations, model } = backendFeatures;
const lifecycles = ['experimental', 'production', 'deprecated'] as const;

let dir: string;
let cache: Cache;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-read-index-'));
  cache = openCache(join(dir, 'cache.db'), migrations);
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Row {
  id: string;
  name: string;
  owner_team_id: string;
  tier: number;
  lifecycle: string;
}

/** The answer computed from the rows in the cache now, without the read path. */
function expected(db: Cache['db'], q: { search: string; teamIds: string[]; tiers: number[] }) {
  const fts = toFtsQuery(q.search);
  const rows = (
    fts
      ? db
          .prepare(
            `SELECT s.id, s.name, s.owner_team_id, s.tier, s.lifecycle
             FROM services_fts f JOIN services s ON s.rowid = f.rowid WHERE services_fts MATCH ?`,
          )
          .all(fts)
      : db.prepare('SELECT id, name, owner_team_id, tier, lifecycle FROM services').all()
  ) as Row[];
  const teamOk = (r: Row) => q.teamIds.length === 0 || q.teamIds.includes(r.owner_team_id);
  const tierOk = (r: Row) => q.tiers.length === 0 || q.tiers.includes(r.tier);
  const shown = rows
    .filter((r) => teamOk(r) && tierOk(r))
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
  const teamCounts = new Map<string, number>();
  for (const r of rows.filter(tierOk))
    teamCounts.set(r.owner_team_id, (teamCounts.get(r.owner_team_id) ?? 0) + 1);
  return { ids: shown.map((r) => r.id), teamCounts };
}

describe('the read index', () => {
  it('answers searches and team filters exactly through adds, moves, renames, deletes and a resync', () => {
    const { db } = cache;
    const random = createPrng(5);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    let seq = 1;
    const teamPut = (id: string, name: string): ChangeEntry => ({
      seq: seq++,
      entity: 'team',
      id,
      op: 'put',
      data: team(id, name),
    });
    db.transaction(() =>
      model.entities.applyMany(db, [teamPut('team-a', 'Alpha'), teamPut('team-b', 'Beta')], new Set()),
    )();
    const queries: CatalogQuery[] = [
      { search: 'pay' },
      { search: 'p', teamIds: ['team-b'] },
      { teamIds: ['team-a', 'team-x'], tiers: [1, 2] },
      { search: 'alpha' },
      { search: 'beta', tiers: [3] },
    ];
    for (let round = 0; round < 30; round++) {
      const changes: ChangeEntry[] = Array.from({ length: 8 }, (): ChangeEntry => {
        const id = `svc-${Math.floor(random() * 40)}`;
        if (random() < 0.2) return { seq: seq++, entity: 'service', id, op: 'del', data: null };
        if (random() < 0.05) return teamPut(pick(['team-a', 'team-b']), pick(['Alpha', 'Beta', 'Payroll']));
        const data: Service = service(id, {
          name: `${pick(['pay', 'ledger', 'search'])}-${id}`,
          ownerTeamId: pick(['team-a', 'team-b', 'team-x']),
          tier: pick([1, 2, 3, 4] as const),
          lifecycle: pick(lifecycles),
        });
        return { seq: seq++, entity: 'service', id, op: 'put', data };
      });
      // Pulled pages and single writes (optimistic edits) alike.
      db.transaction(() =>
        round % 2 === 0
          ? model.entities.applyMany(db, changes, new Set())
          : changes.forEach((change) => model.entities.apply(db, change, new Set())),
      )();
      if (round === 20) db.transaction(() => model.entities.clear(db, 'another-epoch'))();
      for (const query of queries) {
        const q = { search: '', teamIds: [], tiers: [], ...query };
        const want = expected(db, q);
        for (const direction of ['asc', 'desc'] as const) {
          const page = listCatalog(db, { ...q, sort: { column: 'name', direction }, limit: 500 });
          const ids = page.rows.map((r) => r.id);
          expect(ids, `${JSON.stringify(q)} ${direction}, round ${round}`).toEqual(
            direction === 'asc' ? want.ids : [...want.ids].reverse(),
          );
          expect(page.total).toBe(want.ids.length);
          for (const t of page.facets.teams) expect(t.count).toBe(want.teamCounts.get(t.value) ?? 0);
        }
      }
    }
  });
});

describe('warming the read index', () => {
  afterEach(() => vi.useRealTimers());

  it('builds it once the catalog has been quiet for a second, then writes keep it current', () => {
    vi.useFakeTimers();
    const { db } = cache;
    const write = (...changes: ChangeEntry[]) =>
      db.transaction(() => model.entities.applyMany(db, changes, new Set()))();
    write(put('team', team('team-a', 'Alpha')), put('service', service('svc-1', { ownerTeamId: 'team-a' })));
    expect(readIndexIsCurrent(db)).toBe(false);
    vi.advanceTimersByTime(WARM_AFTER_MS - 1);
    // A page arriving within the second postpones the rebuild (an initial sync rebuilds once).
    write(put('service', service('svc-2', { ownerTeamId: 'team-a' })));
    vi.advanceTimersByTime(WARM_AFTER_MS - 1);
    expect(readIndexIsCurrent(db)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(readIndexIsCurrent(db)).toBe(true);
    expect(listCatalog(db, { search: 'svc', limit: 10 }).total).toBe(2);
    // Once built, the writers keep it current: a delete and a put need no rebuild at all.
    db.transaction(() => model.entities.apply(db, del('service', 'svc-1'), new Set()))();
    expect(readIndexIsCurrent(db)).toBe(true);
    write(put('service', service('svc-3', { ownerTeamId: 'team-a' })));
    expect(readIndexIsCurrent(db)).toBe(true);
    expect(listCatalog(db, { search: 'svc', limit: 10 }).rows.map((r) => r.id)).toEqual(['svc-2', 'svc-3']);
    // A resync's emptying bypasses the writers: the index is stale, and warmed again after the next page.
    db.transaction(() => model.entities.clear(db, 'another-epoch'))();
    expect(readIndexIsCurrent(db)).toBe(false);
    write(put('service', service('svc-4', { ownerTeamId: 'team-a' })));
    vi.advanceTimersByTime(WARM_AFTER_MS);
    expect(readIndexIsCurrent(db)).toBe(true);
  });
});
