import { create } from 'zustand';
import type {
  SupportSlaFilter,
  SupportSortColumn,
  SupportStatus,
  SupportQuery,
} from '../../../shared/features/support/api';

type Tier = NonNullable<SupportQuery['tiers']>[number];

/** One value per filter select; '' means "any". */
export interface SupportFilters {
  search: string;
  status: SupportStatus | '';
  tier: Tier | '';
  sla: SupportSlaFilter | '';
  capability: string;
  sort: { column: SupportSortColumn; direction: 'asc' | 'desc' };
}

export const noFilters: SupportFilters = {
  search: '',
  status: '',
  tier: '',
  sla: '',
  capability: '',
  sort: { column: 'created', direction: 'desc' },
};

/**
 * Support UI state: filters, the highlighted row and the open request; rows live in react-query
 * (docs/architecture.md, "Core").
 */
interface SupportState {
  filters: SupportFilters;
  /** Moved by the arrow keys: the row's id once its window has loaded, and its position. */
  selectedId: string | null;
  selectedIndex: number;
  /** Shown in the detail panel (Enter or a click). */
  openId: string | null;
  setFilters(patch: Partial<SupportFilters>): void;
  clearFilters(): void;
  select(id: string | null, index: number): void;
  open(id: string | null): void;
}

export const useSupportStore = create<SupportState>((set) => ({
  filters: noFilters,
  selectedId: null,
  selectedIndex: -1,
  openId: null,
  // Another filter is another list: the old position means nothing in it.
  setFilters: (patch) =>
    set((s) => ({ filters: { ...s.filters, ...patch }, selectedId: null, selectedIndex: -1 })),
  clearFilters: () =>
    set((s) => ({ filters: { ...noFilters, sort: s.filters.sort }, selectedId: null, selectedIndex: -1 })),
  select: (selectedId, selectedIndex) => set({ selectedId, selectedIndex }),
  open: (openId) => set({ openId }),
}));

/** The IPC query for the filters: every filter and sort runs in SQLite (support:list). */
export function supportQuery(f: SupportFilters): SupportQuery {
  return {
    search: f.search,
    statuses: f.status ? [f.status] : [],
    tiers: f.tier ? [f.tier] : [],
    slaStates: f.sla ? [f.sla] : [],
    capabilities: f.capability ? [f.capability] : [],
    sort: f.sort,
  };
}

export const hasFilters = (f: SupportFilters): boolean =>
  Boolean(f.search.trim() || f.status || f.tier || f.sla || f.capability);

const format = (n: number) => n.toLocaleString('en-US');
/** "12 of 1,000". */
export const supportCountLabel = (total: number, totalAll: number): string =>
  `${format(total)} of ${format(totalAll)}`;
