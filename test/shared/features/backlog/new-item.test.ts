import { describe, expect, it } from 'vitest';
import { newBacklogItem } from '../../../../shared/features/backlog/new-item';

const placed = { id: 'i1', rank: 'a0', at: '2026-11-30T10:00:00.000Z', proposedBy: 'u1', demandTeamIds: [] };

describe('a new backlog item', () => {
  it('takes the documented defaults for every field left out', () => {
    expect(newBacklogItem({ title: 'Faster CI' }, placed)).toEqual({
      id: 'i1',
      title: 'Faster CI',
      description: '',
      capability: 'general',
      status: 'proposed',
      phase: 'common_needs',
      strategicValue: 5,
      impact: 1,
      confidence: 50,
      effort: 4,
      timeCriticality: 3,
      riskReduction: 3,
      rank: 'a0',
      rankManual: false,
      demandTeamIds: [],
      proposedBy: 'u1',
      shippedAt: null,
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
    });
  });

  it('keeps given fields (zero included), sorts and dedupes demand, and marks a done item shipped', () => {
    const item = newBacklogItem(
      { title: 'Flags', strategicValue: 0, status: 'done', capability: 'feature_flags' },
      { ...placed, demandTeamIds: ['t2', 't1', 't2'] },
    );
    expect(item).toMatchObject({
      strategicValue: 0,
      status: 'done',
      capability: 'feature_flags',
      demandTeamIds: ['t1', 't2'],
      shippedAt: '2026-11-30T10:00:00.000Z',
    });
  });
});
