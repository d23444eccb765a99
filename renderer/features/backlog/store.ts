import { create } from 'zustand';
import type { BacklogQuery } from '../../../shared/features/backlog/api';

type Parsed = Required<Pick<BacklogQuery, 'search' | 'model'>> & {
  statuses: NonNullable<BacklogQuery['statuses']>;
  sort: NonNullable<BacklogQuery['sort']>;
};

/**
 * Backlog UI state: the query, the selected row; server data lives in react-query
 * (docs/architecture.md, "Core").
 */
interface BacklogState {
  query: Parsed;
  selectedId: string | null;
  setQuery(patch: Partial<Parsed>): void;
  select(id: string | null): void;
}

export const useBacklogStore = create<BacklogState>((set) => ({
  query: { search: '', model: 'default', statuses: [], sort: { column: 'rank', direction: 'asc' } },
  selectedId: null,
  setQuery: (patch) => set((s) => ({ query: { ...s.query, ...patch } })),
  select: (selectedId) => set({ selectedId }),
}));
