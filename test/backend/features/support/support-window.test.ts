import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportHandlers } from '../../../../electron/backend/features/support/handlers';
import { supportWindowSql } from '../../../../electron/backend/features/support/queries';
import { registerSupportSlaFunctions } from '../../../../electron/backend/features/support/sla-sql';
import { NO_RUNNING_CLOCK, slaSortKey } from '../../../../electron/backend/features/support/sla-sort-key';
import type { SupportRequest } from '../../../../shared/features/support/api';
import { SUPPORT_WINDOW_MAX, SupportListQuery } from '../../../../shared/features/support/ipc';
import { slaClock } from '../../../../shared/domain/support-sla';
import { featureContext } from '../../feature-context';
import { openSupportCacheAtScale } from './support-scale-cache';

/**
 * Windowed reads (issue 12, point 2): the table asks for the rows it shows; any window equals the
 * same slice of the full read, every sort walks an index, and no answer grows with the organization.
 */

let env: ReturnType<typeof openSupportCacheAtScale>;
let handlers: ReturnType<typeof createSupportHandlers>['handlers'];
/** `support:list` as IPC calls it: with the input parsed. */
const list = (q: SupportListQuery) => handlers['support:list'](SupportListQuery.parse(q));

beforeAll(() => {
  env = openSupportCacheAtScale(1_200);
  handlers = createSupportHandlers(featureContext(env.cache.db, { now: () => env.now })).handlers;
});
afterAll(() => {
  env?.cache.close();
  if (env) rmSync(env.dir, { recursive: true, force: true });
});

const SORTS = [
  { column: 'created', direction: 'desc' },
  { column: 'created', direction: 'asc' },
  { column: 'slaDue', direction: 'asc' },
  { column: 'slaDue', direction: 'desc' },
  { column: 'tier', direction: 'asc' },
  { column: 'tier', direction: 'desc' },
] as const;

/** The full read: the very same query with no LIMIT, in one statement. */
function fullRead(query: SupportListQuery): string[] {
  registerSupportSlaFunctions(env.cache.db);
  const { sql, params } = supportWindowSql(query, env.now);
  const rows = env.cache.db.prepare(sql).all(...params.slice(0, -2), -1, 0) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Every matching id read window by window of the largest size, as a long scroll does. */
function windowedRead(query: SupportListQuery): string[] {
  const ids: string[] = [];
  for (;;) {
    const page = list({ ...query, offset: ids.length, limit: SUPPORT_WINDOW_MAX });
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length === 0 || ids.length >= page.total) return ids;
  }
}

const filtersArb = fc.record({
  statuses: fc.subarray(['open', 'answered', 'resolved'] as const),
  tiers: fc.subarray(['documentation', 'community', 'direct'] as const),
  slaStates: fc.subarray(['on_track', 'at_risk', 'breached', 'escalated'] as const, { maxLength: 2 }),
  capabilities: fc.subarray(['secrets', 'databases', 'deployments'], { maxLength: 2 }),
  search: fc.constantFrom('', 'team 1', 'rollbacks', 'zzz'),
  sort: fc.constantFrom(...SORTS),
});

describe('support list windows', () => {
  it('a window equals the same slice of the full read, for any filters, sort, offset and size', () => {
    const fullReads = new Map<string, string[]>();
    fc.assert(
      fc.property(
        filtersArb,
        fc.nat({ max: 1_300 }),
        fc.integer({ min: 1, max: 150 }),
        (filters, offset, limit) => {
          const key = JSON.stringify(filters);
          const full = fullReads.get(key) ?? fullRead(filters);
          fullReads.set(key, full);
          const page = list({ ...filters, offset, limit });
          expect(page.offset).toBe(offset);
          expect(page.total).toBe(full.length);
          expect(page.totalAll).toBe(1_200);
          expect(page.rows.map((r) => r.id)).toEqual(full.slice(offset, offset + limit));
        },
      ),
      { numRuns: 120, seed: 12 },
    );
  });

  it('reading window after window gives the full read, every request exactly once', () => {
    for (const sort of SORTS) {
      const ids = windowedRead({ sort });
      expect(ids).toEqual(fullRead({ sort }));
      expect(new Set(ids).size).toBe(1_200);
    }
  });

  it('never answers more than a window, whatever is asked', () => {
    expect(list({}).rows).toHaveLength(100);
    expect(list({ limit: SUPPORT_WINDOW_MAX }).rows).toHaveLength(SUPPORT_WINDOW_MAX);
    expect(SupportListQuery.safeParse({ limit: SUPPORT_WINDOW_MAX + 1 }).success).toBe(false);
    expect(list({ offset: 5_000 }).rows).toEqual([]);
    // The page's capability choices and load come once, with the first window.
    expect(list({ limit: 1 }).capabilities.length).toBeGreaterThan(3);
    expect(list({ limit: 1 }).load.length).toBeGreaterThan(3);
    expect(list({ offset: 100, limit: 1 })).toMatchObject({ capabilities: [], load: [] });
  });

  it('walks an index for every sort: no sort of the whole table', () => {
    registerSupportSlaFunctions(env.cache.db);
    for (const sort of SORTS) {
      const { sql, params } = supportWindowSql({ sort, statuses: ['open'] }, env.now);
      const plan = (
        env.cache.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
      ).map((p) => p.detail);
      expect(plan.join('\n'), JSON.stringify(sort)).not.toMatch(/TEMP B-TREE/);
      expect(plan.join('\n'), JSON.stringify(sort)).toMatch(/USING INDEX support_sort_/);
    }
  });

  it('opens one request wherever it is, with its SLA clock; an unknown id is null', () => {
    const request = env.requests[700]!;
    const row = handlers['support:get']({ id: request.id });
    expect(row).toMatchObject({ id: request.id, title: request.title, sla: slaClock(request, env.now) });
    expect(handlers['support:get']({ id: 'no-such-request' })).toBeNull();
  });
});

describe('the SLA sort key', () => {
  const base: SupportRequest = {
    ...({} as SupportRequest),
    tier: 'community',
    kind: 'question',
    createdAt: '2025-03-01T10:00:00.000Z',
    firstResponseAt: null,
    resolvedAt: null,
    escalatedAt: null,
  };
  it('is the running clock’s due time, and "never" once the clock stops or has no target', () => {
    expect(slaSortKey(base)).toBe(Date.parse('2025-03-01T14:00:00.000Z'));
    expect(slaSortKey({ ...base, kind: 'production' })).toBe(Date.parse('2025-03-01T10:15:00.000Z'));
    expect(slaSortKey({ ...base, firstResponseAt: '2025-03-01T11:00:00.000Z' })).toBe(NO_RUNNING_CLOCK);
    expect(slaSortKey({ ...base, resolvedAt: '2025-03-01T11:00:00.000Z' })).toBe(NO_RUNNING_CLOCK);
    expect(slaSortKey({ ...base, tier: 'documentation' })).toBe(NO_RUNNING_CLOCK);
  });

  it('is filled, on a connection’s first read, for rows written before the column existed', () => {
    const id = env.requests[3]!.id;
    const keyOf = (db: Database.Database) =>
      (
        db.prepare('SELECT sla_due_ms FROM support_requests WHERE id = ?').get(id) as {
          sla_due_ms: number | null;
        }
      ).sla_due_ms;
    const expected = keyOf(env.cache.db);
    expect(expected).toBe(slaSortKey(env.requests[3]!));
    // As cache migration 50 leaves an older row: no key yet.
    env.cache.db.prepare('UPDATE support_requests SET sla_due_ms = NULL WHERE id = ?').run(id);
    const db = new Database(join(env.dir, 'cache.db'));
    try {
      const { handlers: fresh } = createSupportHandlers(featureContext(db, { now: () => env.now }));
      expect(keyOf(db)).toBeNull();
      fresh['support:list'](SupportListQuery.parse({ limit: 1 }));
      expect(keyOf(db)).toBe(expected);
    } finally {
      db.close();
    }
  });
});
