import { create } from 'zustand';
import type { Lifecycle, Tier } from '../../../shared/features/catalog/api';
import type { CatalogQuery, CatalogSortColumn } from '../../../shared/features/catalog/ipc';

/**
 * The catalog's UI state: what the user typed, picked and selected. The rows themselves live
 * in react-query (docs/architecture.md, "Core"); this store only says which query to ask.
 */
export interface CatalogSort {
  column: CatalogSortColumn;
  direction: 'asc' | 'desc';
}

export interface CatalogFilters {
  search: string;
  teamIds: string[];
  tiers: Tier[];
  lifecycles: Lifecycle[];
  sort: CatalogSort;
}

interface CatalogState extends CatalogFilters {
  /**
   * What the search box shows while the table still shows `search`: the typed text whose rows are
   * on their way (null once they are shown). Only the box reads it, so a keystroke re-renders the
   * box alone and the page renders once, with the answer (renderer/features/catalog/search-typing.ts).
   */
  typing: string | null;
  selectedId: string | null;
  /** The selected row's position under the current query, so coming back scrolls to it. */
  selectedIndex: number;
  /** The box shows `text`; the table keeps `search` until `showTyped(text)`. */
  type(text: string): void;
  /** The rows for `text` are in the query cache: show them, unless the box moved on since. */
  showTyped(text: string): void;
  toggleTeam(id: string): void;
  toggleTier(tier: Tier): void;
  toggleLifecycle(lifecycle: Lifecycle): void;
  setSort(sort: CatalogSort): void;
  clearFilters(): void;
  select(id: string | null, index?: number): void;
}

export const defaultSort: CatalogSort = { column: 'name', direction: 'asc' };

const toggle = <T>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

export const useCatalogStore = create<CatalogState>()((set) => ({
  search: '',
  teamIds: [],
  tiers: [],
  lifecycles: [],
  sort: defaultSort,
  typing: null,
  selectedId: null,
  selectedIndex: -1,
  type: (text) => set({ typing: text }),
  showTyped: (text) => set((state) => (state.typing === text ? { search: text, typing: null } : state)),
  toggleTeam: (id) => set((state) => ({ teamIds: toggle(state.teamIds, id) })),
  toggleTier: (tier) => set((state) => ({ tiers: toggle(state.tiers, tier).sort() })),
  toggleLifecycle: (lifecycle) => set((state) => ({ lifecycles: toggle(state.lifecycles, lifecycle) })),
  setSort: (sort) => set({ sort }),
  clearFilters: () => set({ search: '', typing: null, teamIds: [], tiers: [], lifecycles: [] }),
  select: (selectedId, selectedIndex = -1) => set({ selectedId, selectedIndex }),
}));

/** The query sent to `catalog:list` (the table adds the window). */
export function toCatalogQuery(filters: CatalogFilters, search: string): CatalogQuery {
  return {
    search: search.trim(),
    teamIds: filters.teamIds,
    tiers: filters.tiers,
    lifecycles: filters.lifecycles,
    sort: filters.sort,
  };
}

export function hasActiveFilters(filters: {
  search?: string;
  teamIds?: readonly string[];
  tiers?: readonly number[];
  lifecycles?: readonly string[];
}): boolean {
  return (
    (filters.search ?? '').trim() !== '' ||
    (filters.teamIds ?? []).length > 0 ||
    (filters.tiers ?? []).length > 0 ||
    (filters.lifecycles ?? []).length > 0
  );
}

// One formatter for every count: `Number#toLocaleString` builds a new one on each call.
const counts = new Intl.NumberFormat('en-US');

/** "60 services" when nothing narrows the list, "12 of 60 services" when something does. */
export function catalogCountLabel(total: number, totalAll: number, filtered: boolean): string {
  const format = (n: number) => counts.format(n);
  const noun = (n: number) => (n === 1 ? 'service' : 'services');
  if (!filtered && total === totalAll) return `${format(totalAll)} ${noun(totalAll)}`;
  return `${format(total)} of ${format(totalAll)} ${noun(totalAll)}`;
}
