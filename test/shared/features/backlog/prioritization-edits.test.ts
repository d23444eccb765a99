import { describe, expect, it } from 'vitest';
import {
  compareRanked,
  neighboursForIndex,
  rankAtEnd,
  resolveMove,
  type Ranked,
} from '../../../../shared/domain/fractional-rank';
import { patchItem, setDemand } from '../../../../shared/features/backlog/prioritization-edits';
import type { BacklogItem } from '../../../../shared/features/backlog/api';

const order = (items: Ranked[]) => [...items].sort(compareRanked).map((i) => i.id);
const list: Ranked[] = [
  { id: 'a', rank: 'a0' },
  { id: 'b', rank: 'a1' },
  { id: 'c', rank: 'a2' },
  { id: 'd', rank: 'a3' },
];
const moved = (id: string, afterId: string | null, beforeId: string | null) => {
  const rank = resolveMove(list, { id, afterId, beforeId });
  return rank === null ? null : order(list.map((i) => (i.id === id ? { id, rank } : i)));
};

describe('fractional rank moves', () => {
  it('places X between its neighbours', () => {
    expect(resolveMove(list, { id: 'd', afterId: 'a', beforeId: 'b' })).toBe('a0V');
    expect(moved('d', 'a', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(moved('a', null, null)).toEqual(['b', 'c', 'd', 'a']);
    expect(moved('d', null, 'a')).toEqual(['d', 'a', 'b', 'c']);
    expect(moved('a', 'd', null)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('follows A when A and B drifted apart meanwhile, precedes B when A is gone, and drops when both are gone', () => {
    // The client saw [a, b] adjacent; now c sits between them on the server: X follows a.
    expect(moved('d', 'a', 'c')).toEqual(['a', 'd', 'b', 'c']);
    expect(moved('a', 'gone', 'c')).toEqual(['b', 'a', 'c', 'd']);
    expect(moved('a', 'gone', 'also-gone')).toBeNull();
    expect(resolveMove(list, { id: 'deleted', afterId: 'a', beforeId: 'b' })).toBeNull();
  });

  it('appends at the end and maps a list index to neighbours', () => {
    expect(rankAtEnd(list)).toBe('a4');
    expect(rankAtEnd([])).toBe('a0');
    expect(neighboursForIndex(list, 'd', 0)).toEqual({ afterId: null, beforeId: 'a' });
    expect(neighboursForIndex(list, 'a', 2)).toEqual({ afterId: 'c', beforeId: 'd' });
    expect(neighboursForIndex(list, 'a', 99)).toEqual({ afterId: 'd', beforeId: null });
  });
});

describe('backlog edit rules', () => {
  const item: BacklogItem = {
    id: 'i1',
    title: 'One-click deploys',
    description: '',
    capability: 'deployment',
    status: 'planned',
    phase: 'foundation',
    strategicValue: 5,
    impact: 1,
    confidence: 50,
    effort: 2,
    timeCriticality: 0,
    riskReduction: 0,
    rank: 'a0',
    rankManual: false,
    demandTeamIds: ['t2'],
    proposedBy: null,
    shippedAt: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
  it('a patch overwrites only its fields; done stamps shippedAt and leaving done clears it', () => {
    const done = patchItem(item, { status: 'done' }, '2025-02-01T00:00:00.000Z');
    expect(done).toMatchObject({
      status: 'done',
      title: 'One-click deploys',
      shippedAt: '2025-02-01T00:00:00.000Z',
    });
    expect(patchItem(done, { title: 'X' }, '2025-02-02T00:00:00.000Z').shippedAt).toBe(
      '2025-02-01T00:00:00.000Z',
    );
    expect(patchItem(done, { status: 'planned' }, '2025-02-03T00:00:00.000Z').shippedAt).toBeNull();
  });
  it('demand is a set: adding twice or removing an absent team changes nothing', () => {
    const added = setDemand(item, 't1', true, '2025-02-01T00:00:00.000Z');
    expect(added.demandTeamIds).toEqual(['t1', 't2']);
    expect(setDemand(added, 't1', true, '2025-03-01T00:00:00.000Z')).toBe(added);
    expect(setDemand(item, 't9', false, '2025-03-01T00:00:00.000Z')).toBe(item);
  });
});
