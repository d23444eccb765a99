import { describe, expect, it } from 'vitest';
import { quarterOf, roadmapGrid, type RoadmapCard } from '../../../../renderer/features/backlog/roadmap-grid';

const card = (id: string, patch: Partial<RoadmapCard>): RoadmapCard => ({
  id,
  title: `Item ${id}`,
  status: 'proposed',
  phase: 'foundation',
  capability: 'ci',
  rank: 'a0',
  shippedAt: null,
  demandTeamIds: [],
  ...patch,
});

const ids = (cards: RoadmapCard[]) => cards.map((c) => c.id);

describe('quarterOf', () => {
  it('reads the UTC quarter of a timestamp', () => {
    expect(quarterOf('2026-01-01T00:00:00.000Z')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31T23:59:59.000Z')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01T00:00:00.000Z')).toBe('2026-Q2');
    expect(quarterOf('2025-12-31T23:30:00.000-02:00')).toBe('2026-Q1');
  });
});

describe('roadmapGrid', () => {
  it('with no items draws the three phase lanes over Now, Next and Unscheduled', () => {
    const grid = roadmapGrid([]);
    expect(grid.columns.map((c) => c.label)).toEqual(['Now', 'Next', 'Unscheduled']);
    expect(grid.lanes.map((l) => l.phase)).toEqual(['foundation', 'common_needs', 'advanced']);
    for (const lane of grid.lanes) expect(lane.cells).toEqual([[], [], []]);
  });

  it('puts shipped items in their quarter, oldest first, then the future by status', () => {
    const grid = roadmapGrid([
      card('late', { status: 'done', shippedAt: '2026-08-02T10:00:00.000Z' }),
      card('early', { status: 'done', shippedAt: '2025-11-20T10:00:00.000Z', phase: 'advanced' }),
      card('now', { status: 'in_progress', phase: 'common_needs' }),
      card('next', { status: 'planned' }),
      card('idea', { status: 'proposed', phase: 'advanced' }),
    ]);
    expect(grid.columns.map((c) => c.key)).toEqual(['2025-Q4', '2026-Q3', 'now', 'next', 'unscheduled']);
    expect(grid.columns[0]!.label).toBe('2025 Q4');
    const [foundation, common, advanced] = grid.lanes;
    expect(foundation!.cells.map(ids)).toEqual([[], ['late'], [], ['next'], []]);
    expect(common!.cells.map(ids)).toEqual([[], [], ['now'], [], []]);
    expect(advanced!.cells.map(ids)).toEqual([['early'], [], [], [], ['idea']]);
  });

  it('keeps every lane as wide as the columns, so rows line up', () => {
    const grid = roadmapGrid([
      card('a', { status: 'done', shippedAt: '2026-02-01T00:00:00.000Z' }),
      card('b', { status: 'declined', phase: 'advanced' }),
    ]);
    for (const lane of grid.lanes) expect(lane.cells).toHaveLength(grid.columns.length);
  });

  it('orders cards in a cell by the lead rank, byte-wise, whatever the input order', () => {
    const grid = roadmapGrid([
      card('third', { rank: 'b' }),
      card('first', { rank: 'Z' }),
      card('second', { rank: 'a' }),
      card('tie-2', { rank: 'c' }),
      card('tie-1', { rank: 'c' }),
    ]);
    // 'Z' < 'a' byte-wise (a locale compare would put it last); equal ranks fall back to the id.
    expect(ids(grid.lanes[0]!.cells[2]!)).toEqual(['first', 'second', 'third', 'tie-1', 'tie-2']);
  });

  it('adds the undated-shipped and declined columns only when an item needs them', () => {
    const grid = roadmapGrid([
      card('undated', { status: 'done', shippedAt: null }),
      card('no', { status: 'declined', phase: 'common_needs' }),
    ]);
    expect(grid.columns.map((c) => c.key)).toEqual(['shipped', 'now', 'next', 'unscheduled', 'declined']);
    expect(ids(grid.lanes[0]!.cells[0]!)).toEqual(['undated']);
    expect(ids(grid.lanes[1]!.cells[4]!)).toEqual(['no']);
  });

  it('counts shipped of the items a phase still holds (declined left out)', () => {
    const grid = roadmapGrid([
      card('a', { status: 'done', shippedAt: '2026-02-01T00:00:00.000Z' }),
      card('b', { status: 'done', shippedAt: null }),
      card('c', { status: 'planned' }),
      card('d', { status: 'declined' }),
      card('e', { status: 'planned', phase: 'advanced' }),
    ]);
    expect(grid.lanes.map((l) => [l.shipped, l.total])).toEqual([
      [2, 3],
      [0, 0],
      [0, 1],
    ]);
  });
});
