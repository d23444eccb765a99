import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBacklogHandlers } from '../../../../electron/backend/features/backlog/handlers';
import { backlogOrderSql } from '../../../../electron/backend/features/backlog/queries';
import { BacklogSortColumn, BacklogStatus } from '../../../../shared/features/backlog/api';
import { BACKLOG_WINDOW_MAX, BacklogListQuery } from '../../../../shared/features/backlog/ipc';
import { featureContext } from '../../feature-context';
import { openBacklogCacheAtScale } from './backlog-scale-cache';

/**
 * Windowed reads (issue 12, point 2): the backlog table asks for the rows it shows; any window
 * equals the same slice of the full read, `located` is the item's place in it, and every SQL sort
 * walks an index (cache migration 49).
 */

let env: ReturnType<typeof openBacklogCacheAtScale>;
let handlers: ReturnType<typeof createBacklogHandlers>['handlers'];
/** `backlog:list` as IPC calls it: with the input parsed. */
const list = (q: BacklogListQuery) => handlers['backlog:list'](BacklogListQuery.parse(q));

beforeAll(() => {
  env = openBacklogCacheAtScale(1_500, 10);
  handlers = createBacklogHandlers(featureContext(env.cache.db, { now: () => env.now })).handlers;
});
afterAll(() => {
  env?.cache.close();
  if (env) rmSync(env.dir, { recursive: true, force: true });
});

const query = fc.record({
  search: fc.constantFrom('', 'deploys', 'a', 'cost', 'zzz-no-match'),
  statuses: fc.subarray([...BacklogStatus.options]),
  model: fc.constantFrom('default', 'rice', 'wsjf') as fc.Arbitrary<'default' | 'rice' | 'wsjf'>,
  sort: fc.record({
    column: fc.constantFrom(...BacklogSortColumn.options),
    direction: fc.constantFrom('asc', 'desc') as fc.Arbitrary<'asc' | 'desc'>,
  }),
});

describe('backlog:list windows', () => {
  it('a window is the same slice of the full read, with the same counts; located is the place in it', () => {
    fc.assert(
      fc.property(
        query,
        fc.nat(1_600),
        fc.integer({ min: 1, max: BACKLOG_WINDOW_MAX }),
        fc.nat(1_499),
        (q, offset, limit, pick) => {
          const full = list(q);
          const locate = `item-${pick}`;
          const window = list({ ...q, offset, limit, locate });
          expect(window.rows).toEqual(full.rows.slice(offset, offset + limit));
          expect(window.rows.length).toBeLessThanOrEqual(limit);
          expect(window.offset).toBe(offset);
          expect(window.total).toBe(full.total);
          expect(window.totalAll).toBe(full.totalAll);
          const place = full.rows.findIndex((r) => r.id === locate);
          expect(window.located).toBe(place < 0 ? null : place);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the full read is every match in order: nothing lost or repeated across consecutive windows', () => {
    const full = list({ sort: { column: 'title', direction: 'desc' } });
    const stitched = [];
    for (let offset = 0; offset < full.total; offset += 400)
      stitched.push(...list({ sort: { column: 'title', direction: 'desc' }, offset, limit: 400 }).rows);
    expect(stitched.map((r) => r.id)).toEqual(full.rows.map((r) => r.id));
    expect(new Set(stitched.map((r) => r.id)).size).toBe(1_500);
  });

  it('every sort reads its ids along an index, never sorting the table first', () => {
    for (const column of BacklogSortColumn.options)
      for (const direction of ['asc', 'desc'] as const) {
        const plan = (
          env.cache.db.prepare(`EXPLAIN QUERY PLAN ${backlogOrderSql({ column, direction })}`).all() as {
            detail: string;
          }[]
        ).map((step) => step.detail);
        expect(plan.join('; '), `${column} ${direction}`).not.toMatch(/TEMP B-TREE/);
        expect(plan.join('; '), `${column} ${direction}`).toMatch(/USING (COVERING )?INDEX/);
      }
  });

  it('refuses a window larger than the most one answer may hold', () => {
    expect(BacklogListQuery.safeParse({ limit: BACKLOG_WINDOW_MAX + 1 }).success).toBe(false);
  });
});
