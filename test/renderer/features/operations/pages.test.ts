import { describe, expect, it } from 'vitest';
import { OPERATIONS_PAGE, operationsPagesQuery } from '../../../../renderer/features/operations/data';
import type { OperationsPage, OperationView } from '../../../../shared/features/operations/ipc';

const page = (offset: number, rows: number, total: number): OperationsPage => ({
  rows: Array.from({ length: rows }, (_, i) => ({ id: `op-${offset + i}` }) as OperationView),
  offset,
  total,
  totalAll: total,
});

describe('the operations list’s pages', () => {
  const next = (last: OperationsPage) =>
    operationsPagesQuery({}).getNextPageParam(last, [last], last.offset, [last.offset]);

  it('asks for the window after the last one while rows remain, and stops at the end', () => {
    expect(next(page(0, OPERATIONS_PAGE, 120))).toBe(50);
    expect(next(page(100, 20, 120))).toBeUndefined();
    expect(next(page(0, 0, 0))).toBeUndefined();
    // The list shrank under a loaded page: no endless "Show more".
    expect(next(page(150, 0, 120))).toBeUndefined();
  });

  it('keeps each filter set under its own key, below the key every operations write refreshes', () => {
    const key = operationsPagesQuery({ statuses: ['failed'] }).queryKey;
    expect(key.slice(0, 1)).toEqual(['operations']);
    expect(key).not.toEqual(operationsPagesQuery({}).queryKey);
  });
});
