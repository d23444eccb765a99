import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../../../electron/backend/features';
import { createOperationHandlers } from '../../../../electron/backend/features/operations/handlers';
import {
  operationsPage,
  operationsWindowSql,
} from '../../../../electron/backend/features/operations/queries';
import type { ChangeEntry } from '../../../../shared/contract';
import { OperationKind, OperationStatus, type Operation } from '../../../../shared/features/operations/api';
import { OPERATIONS_WINDOW_MAX, OperationsQuery } from '../../../../shared/features/operations/ipc';
import { featureContext } from '../../feature-context';

/**
 * The operations list in windows (issue 12, point 2): any window equals the same slice of the full
 * read, filters and sort run in SQLite along an index, and no answer grows with the organization.
 */

const COUNT = 1_500;
let dir: string;
let cache: Cache;
/** `operations:page` as its handler answers it. */
const list = (q: OperationsQuery) => operationsPage(cache.db, OperationsQuery.parse(q));

function operation(i: number): Operation {
  // Several operations share a timestamp, so ties must fall to the id, the same way every time.
  const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 3) * 60_000).toISOString();
  return {
    id: `op-${String((i * 7919) % 100_000).padStart(5, '0')}`,
    kind: OperationKind.options[i % OperationKind.options.length]!,
    status: OperationStatus.options[(i * 3) % OperationStatus.options.length]!,
    serviceId: i % 4 === 0 ? null : `svc-${i % 9}`,
    environment: null,
    requestedBy: 'user-1',
    idempotencyKey: null,
    input: {},
    result: null,
    error: null,
    progress: 0,
    step: null,
    createdAt: at,
    startedAt: null,
    finishedAt: null,
    updatedAt: at,
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-operations-window-'));
  cache = openCache(join(dir, 'cache.db'), backendFeatures.migrations);
  const changes: ChangeEntry[] = Array.from({ length: COUNT }, (_, i) => {
    const data = operation(i);
    return { seq: i + 1, entity: 'operation' as const, id: data.id, op: 'put' as const, data };
  });
  const touched = new Set<string>();
  cache.db.transaction(() => {
    for (const change of changes) backendFeatures.model.entities.apply(cache.db, change, touched);
  })();
  // The feature's handlers start on this cache (the IPC surface includes the new command).
  const created = createOperationHandlers(featureContext(cache.db));
  expect(created.handlers['operations:page']).toBeTypeOf('function');
  return () => created.close?.();
});
afterAll(() => {
  cache?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The full read: the very same query with no LIMIT, in one statement. */
function fullRead(q: OperationsQuery): string[] {
  const { sql, params } = operationsWindowSql(q);
  return (cache.db.prepare(sql).all(...params, -1, 0) as { data: string }[]).map(
    (r) => (JSON.parse(r.data) as Operation).id,
  );
}

const queryArb = fc.record({
  statuses: fc.subarray(OperationStatus.options, { maxLength: 2 }),
  kinds: fc.subarray(OperationKind.options, { maxLength: 2 }),
  serviceId: fc.option(fc.constantFrom('svc-1', 'svc-4', 'svc-none'), { nil: undefined }),
  sort: fc.constantFrom(
    { column: 'created', direction: 'desc' } as const,
    { column: 'created', direction: 'asc' } as const,
  ),
});

describe('operations list windows', () => {
  it('a window equals the same slice of the full read, for any filters, sort, offset and size', () => {
    fc.assert(
      fc.property(queryArb, fc.nat({ max: 1_600 }), fc.integer({ min: 1, max: 120 }), (q, offset, limit) => {
        const full = fullRead(q);
        const answer = list({ ...q, offset, limit });
        expect(answer.offset).toBe(offset);
        expect(answer.total).toBe(full.length);
        expect(answer.totalAll).toBe(COUNT);
        expect(answer.rows.map((r) => r.id)).toEqual(full.slice(offset, offset + limit));
      }),
      { numRuns: 150, seed: 51 },
    );
  });

  it('the full read is every operation once, newest first by default, ties by id', () => {
    const ids = fullRead({});
    expect(new Set(ids).size).toBe(COUNT);
    const rows = list({ limit: OPERATIONS_WINDOW_MAX }).rows;
    const keys = rows.map((r) => `${r.createdAt} ${r.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    // The filters are what they say.
    const failed = list({ statuses: ['failed'], kinds: ['service.deploy'], limit: OPERATIONS_WINDOW_MAX });
    expect(failed.total).toBeGreaterThan(0);
    expect(failed.rows.every((r) => r.status === 'failed' && r.kind === 'service.deploy')).toBe(true);
  });

  it('never answers more than a window', () => {
    expect(list({}).rows).toHaveLength(50);
    expect(OperationsQuery.safeParse({ limit: OPERATIONS_WINDOW_MAX + 1 }).success).toBe(false);
    expect(list({ offset: 10_000 }).rows).toEqual([]);
  });

  it('walks an index for every filter and sort: no sort of the whole table', () => {
    for (const q of [
      {},
      { sort: { column: 'created', direction: 'asc' } },
      { statuses: ['running'] },
      { kinds: ['service.deploy'] },
      { serviceId: 'svc-1' },
    ] satisfies OperationsQuery[]) {
      const { sql, params } = operationsWindowSql(q);
      const plan = (
        cache.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 50, 0) as { detail: string }[]
      )
        .map((p) => p.detail)
        .join('\n');
      expect(plan, JSON.stringify(q)).not.toMatch(/TEMP B-TREE/);
      expect(plan, JSON.stringify(q)).toMatch(/USING INDEX operations_sort_/);
    }
  });
});
