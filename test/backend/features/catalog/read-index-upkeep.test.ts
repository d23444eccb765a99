import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../../../../shared/features/catalog/api';
import type { ChangeEntry } from '../../../../shared/contract';
import type { CatalogQuery, CatalogSortColumn } from '../../../../shared/features/catalog/ipc';
import { openCache, type Cache } from '../../../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../../../electron/backend/features';
import { listCatalog } from '../../../../electron/backend/features/catalog/queries';
import {
  freshReadIndex,
  readIndex,
  readIndexContents,
  readIndexIsCurrent,
} from '../../../../electron/backend/features/catalog/read-index';
import { createPrng } from '../../../../shared/domain/seeded-random';
import { service, team } from '../../catalog-fixtures';

/**
 * The catalog's writers keep the read index current instead of having it rebuilt: after every
 * write (pulled pages small and large, single writes, deletes, team renames) the index in memory
 * is still the current one and holds exactly what a fresh build holds, cell by cell and sort by
 * sort. A skipped update fails either check. A resync's emptying and a rolled-back page, which
 * the writers do not (or cannot) follow, leave it stale, and the next read rebuilds it.
 */

const { migrations, model } = backendFeatures;
const columns: CatalogSortColumn[] = ['name', 'title', 'team', 'tier', 'lifecycle', 'updatedAt'];
const lifecycles = ['experimental', 'production', 'deprecated'] as const;
/** The searches the reads below ask (FTS5 queries, as `toFtsQuery` makes them): kept and updated by the writers. */
const searches = ['"pay"*', '"alpha"*', '"p"*'];

let dir: string;
let cache: Cache;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-read-index-upkeep-'));
  cache = openCache(join(dir, 'cache.db'), migrations);
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('keeping the read index current', () => {
  it('follows every write exactly, without a rebuild, and windowed reads equal full reads', () => {
    const { db } = cache;
    const random = createPrng(13);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    let seq = 1;
    const teamPut = (id: string, name: string): ChangeEntry => ({
      seq: seq++,
      entity: 'team',
      id,
      op: 'put',
      data: team(id, name),
    });
    const servicePut = (id: string): ChangeEntry => {
      const data: Service = service(id, {
        name: `${pick(['pay', 'Ledger', 'search', 'pay'])}-${Math.floor(random() * 30)}`,
        title: pick(['Alpha', 'beta', 'Gamma', 'alpha']),
        ownerTeamId: pick(['team-a', 'team-b', 'team-c', 'team-x']),
        tier: pick([1, 2, 3, 4] as const),
        lifecycle: pick(lifecycles),
        updatedAt: new Date(Date.UTC(2026, 0, 1, 0, Math.floor(random() * 20))).toISOString(),
      });
      return { seq: seq++, entity: 'service', id, op: 'put', data };
    };
    const write = (run: () => void) => db.transaction(run)();
    write(() =>
      model.entities.applyMany(
        db,
        [teamPut('team-a', 'Alpha'), teamPut('team-b', 'beta'), teamPut('team-c', 'Core')],
        new Set(),
      ),
    );
    write(() =>
      model.entities.applyMany(
        db,
        Array.from({ length: 60 }, (_, i) => servicePut(`svc-${i}`)),
        new Set(),
      ),
    );
    // Build the index and every sort's order: from here on the writers must keep all of them.
    for (const column of columns) readIndex(db).order(column);

    const kinds = [
      'page',
      'big page',
      'single writes',
      'deletes',
      'team rename',
      'rollback',
      'resync',
    ] as const;
    for (let round = 0; round < 60; round++) {
      const kind = round === 40 ? 'resync' : pick(kinds.filter((k) => k !== 'resync'));
      const someId = () => `svc-${Math.floor(random() * 90)}`;
      if (kind === 'page') {
        write(() =>
          model.entities.applyMany(
            db,
            Array.from({ length: 5 }, () => servicePut(someId())),
            new Set(),
          ),
        );
      } else if (kind === 'big page') {
        // Past the limit for placing rows one by one: the sorts' orders are read again.
        write(() =>
          model.entities.applyMany(
            db,
            Array.from({ length: 45 }, () => servicePut(someId())),
            new Set(),
          ),
        );
      } else if (kind === 'single writes') {
        write(() => {
          for (let i = 0; i < 3; i++) model.entities.apply(db, servicePut(someId()), new Set());
        });
      } else if (kind === 'deletes') {
        write(() => {
          for (let i = 0; i < 3; i++)
            model.entities.apply(
              db,
              { seq: seq++, entity: 'service', id: someId(), op: 'del', data: null },
              new Set(),
            );
        });
      } else if (kind === 'team rename') {
        write(() =>
          model.entities.apply(
            db,
            teamPut(pick(['team-a', 'team-b', 'team-c']), pick(['Alpha', 'beta', 'Core', 'zulu', 'ALPHA'])),
            new Set(),
          ),
        );
      } else if (kind === 'rollback') {
        expect(() =>
          write(() => {
            model.entities.applyMany(db, [servicePut(someId()), servicePut(`svc-new-${round}`)], new Set());
            model.entities.apply(
              db,
              { seq: seq++, entity: 'service', id: someId(), op: 'del', data: null },
              new Set(),
            );
            throw new Error('the page fails after its writes');
          }),
        ).toThrow('the page fails');
      } else {
        write(() => model.entities.clear(db, `epoch-${round}`));
        write(() =>
          model.entities.applyMany(
            db,
            Array.from({ length: 30 }, (_, i) => servicePut(`svc-${i * 3}`)),
            new Set(),
          ),
        );
      }

      const followed = kind !== 'rollback' && kind !== 'resync';
      expect(readIndexIsCurrent(db), `${kind}, round ${round}`).toBe(followed);
      // The read rebuilds a stale index; a current one is used as kept.
      const kept = readIndexContents(readIndex(db), columns, searches);
      expect(kept, `${kind}, round ${round}`).toEqual(
        readIndexContents(freshReadIndex(db), columns, searches),
      );

      const total = listCatalog(db, { limit: 1 }).totalAll;
      const queries: CatalogQuery[] = [
        { search: 'pay', sort: { column: pick(columns), direction: pick(['asc', 'desc'] as const) } },
        { teamIds: ['team-b', 'team-x'], sort: { column: 'team', direction: 'desc' } },
        { search: 'alpha', tiers: [1, 2], sort: { column: pick(columns), direction: 'asc' } },
        { search: 'p', sort: { column: pick(columns), direction: 'desc' } },
      ];
      for (const q of queries) {
        const full = listCatalog(db, { ...q, limit: 500 });
        const windows = [];
        for (let offset = 0; offset < full.total; offset += 7)
          windows.push(...listCatalog(db, { ...q, offset, limit: 7 }).rows);
        expect(windows, `${JSON.stringify(q)}, round ${round}`).toEqual(full.rows);
      }
      expect(total).toBe((db.prepare('SELECT COUNT(*) AS n FROM services').get() as { n: number }).n);
    }
  });
});
