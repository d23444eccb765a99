import type { BacklogListRow, RoadmapPhase } from '../../../shared/features/backlog/api';

/** What a roadmap card needs of a backlog row. */
export type RoadmapCard = Pick<
  BacklogListRow,
  'id' | 'title' | 'status' | 'phase' | 'capability' | 'rank' | 'shippedAt' | 'demandTeamIds'
>;

/**
 * A timeline column. Backlog items carry no target quarter, only the date they shipped, so the
 * past is one column per quarter in which something shipped and the future follows the status:
 * in progress is "Now", planned is "Next", proposed is "Unscheduled".
 */
export interface RoadmapColumn {
  key: string;
  label: string;
}

export interface RoadmapLane {
  phase: RoadmapPhase;
  /** One cell per column, in column order (so every lane lines up), cards in the lead's order. */
  cells: RoadmapCard[][];
  shipped: number;
  /** Items the phase still counts: everything but declined. */
  total: number;
}

export interface RoadmapGrid {
  columns: RoadmapColumn[];
  lanes: RoadmapLane[];
}

export const ROADMAP_PHASES: readonly RoadmapPhase[] = ['foundation', 'common_needs', 'advanced'];

const NOW: RoadmapColumn = { key: 'now', label: 'Now' };
const NEXT: RoadmapColumn = { key: 'next', label: 'Next' };
const UNSCHEDULED: RoadmapColumn = { key: 'unscheduled', label: 'Unscheduled' };
const SHIPPED_UNDATED: RoadmapColumn = { key: 'shipped', label: 'Shipped (no date)' };
const DECLINED: RoadmapColumn = { key: 'declined', label: 'Declined' };

/** `2026-05-14T…` → `2026-Q2` (UTC, like every timestamp the platform sends). */
export function quarterOf(timestamp: string): string {
  const date = new Date(timestamp);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

function columnKeyOf(card: RoadmapCard): string {
  switch (card.status) {
    case 'done':
      return card.shippedAt ? quarterOf(card.shippedAt) : SHIPPED_UNDATED.key;
    case 'in_progress':
      return NOW.key;
    case 'planned':
      return NEXT.key;
    case 'proposed':
      return UNSCHEDULED.key;
    case 'declined':
      return DECLINED.key;
  }
}

// Rank keys are base62 compared byte-wise (shared/features/backlog/api.ts, RankKey), not by locale.
const byRank = (a: RoadmapCard, b: RoadmapCard) =>
  a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Phases × timeline: shipped quarters oldest first, then Now, Next and Unscheduled (always shown,
 * so the frame does not jump), then the undated-shipped and declined columns only when used.
 */
export function roadmapGrid(items: readonly RoadmapCard[]): RoadmapGrid {
  const quarters = [
    ...new Set(items.filter((i) => i.status === 'done' && i.shippedAt).map((i) => quarterOf(i.shippedAt!))),
  ].sort();
  const used = new Set(items.map(columnKeyOf));
  const columns: RoadmapColumn[] = [
    ...quarters.map((q) => ({ key: q, label: q.replace('-', ' ') })),
    ...(used.has(SHIPPED_UNDATED.key) ? [SHIPPED_UNDATED] : []),
    NOW,
    NEXT,
    UNSCHEDULED,
    ...(used.has(DECLINED.key) ? [DECLINED] : []),
  ];
  const columnIndex = new Map(columns.map((c, index) => [c.key, index]));
  const sorted = [...items].sort(byRank);

  const lanes = ROADMAP_PHASES.map((phase): RoadmapLane => {
    const cells: RoadmapCard[][] = columns.map(() => []);
    for (const item of sorted) {
      if (item.phase === phase) cells[columnIndex.get(columnKeyOf(item))!]!.push(item);
    }
    const inPhase = items.filter((i) => i.phase === phase);
    return {
      phase,
      cells,
      shipped: inPhase.filter((i) => i.status === 'done').length,
      total: inPhase.filter((i) => i.status !== 'declined').length,
    };
  });
  return { columns, lanes };
}
