import { create } from 'zustand';
import type { OperationKind, OperationStatus } from '../../../shared/features/operations/api';
import type { OperationsQuery, OperationsSort } from '../../../shared/features/operations/ipc';

/** One value per filter select; '' means "any". */
export interface OperationsFilters {
  status: OperationStatus | '';
  kind: OperationKind | '';
  sort: OperationsSort;
}

export const noOperationsFilters: OperationsFilters = {
  status: '',
  kind: '',
  sort: { column: 'created', direction: 'desc' },
};

interface OperationsState {
  filters: OperationsFilters;
  setFilters(patch: Partial<OperationsFilters>): void;
  clearFilters(): void;
}

/** The operations list's view (UI state; rows live in react-query, docs/architecture.md, "Core"). */
export const useOperationsStore = create<OperationsState>((set) => ({
  filters: noOperationsFilters,
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  clearFilters: () => set((s) => ({ filters: { ...noOperationsFilters, sort: s.filters.sort } })),
}));

/** The IPC query for the filters (without the window, which the list adds per page). */
export function operationsQuery(f: OperationsFilters): Omit<OperationsQuery, 'offset' | 'limit'> {
  return {
    statuses: f.status ? [f.status] : [],
    kinds: f.kind ? [f.kind] : [],
    sort: f.sort,
  };
}

export const hasOperationsFilters = (f: OperationsFilters): boolean => Boolean(f.status || f.kind);
