import { create } from 'zustand';
import type { BacklogQuery } from '../../../shared/features/backlog/api';
import type { UndoEntry } from './undo-entry';

export type BacklogView = Required<Pick<BacklogQuery, 'search' | 'model'>> & {
  statuses: NonNullable<BacklogQuery['statuses']>;
  sort: NonNullable<BacklogQuery['sort']>;
};

export const defaultBacklogView: BacklogView = {
  search: '',
  model: 'default',
  statuses: [],
  sort: { column: 'rank', direction: 'asc' },
};

/** How many of this page's changes Ctrl/Cmd+Z can take back, newest first. */
export const UNDO_LIMIT = 20;

/**
 * Backlog UI state: the view (filters, model, sort), the selected row, and the undo stack of this
 * page's own changes; server data lives in react-query (docs/architecture.md, "Core").
 */
interface BacklogState {
  query: BacklogView;
  selectedId: string | null;
  /** Set when the selection came from elsewhere (the roadmap, a URL): the list scrolls it into view once. */
  revealId: string | null;
  undo: UndoEntry[];
  setQuery(patch: Partial<BacklogView>): void;
  select(id: string | null): void;
  /** Selects a row the user cannot see yet and asks the list to bring it into view. */
  reveal(id: string): void;
  revealed(): void;
  pushUndo(entry: UndoEntry): void;
  /** Takes an entry off the stack (the newest when no id is given); null when there is none. */
  takeUndo(id?: number): UndoEntry | null;
}

export const useBacklogStore = create<BacklogState>((set, get) => ({
  query: defaultBacklogView,
  selectedId: null,
  revealId: null,
  undo: [],
  setQuery: (patch) => set((s) => ({ query: { ...s.query, ...patch } })),
  select: (selectedId) => set({ selectedId }),
  reveal: (id) => set({ selectedId: id, revealId: id }),
  revealed: () => set({ revealId: null }),
  pushUndo: (entry) => set((s) => ({ undo: [...s.undo, entry].slice(-UNDO_LIMIT) })),
  takeUndo: (id) => {
    const stack = get().undo;
    const entry = id === undefined ? stack.at(-1) : stack.find((e) => e.id === id);
    if (!entry) return null;
    set({ undo: stack.filter((e) => e !== entry) });
    return entry;
  },
}));
