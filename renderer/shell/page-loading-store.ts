import { create } from 'zustand';

/**
 * How many lazily loaded pages are waiting for their code (PageLoading is mounted): the page frame
 * counts as busy meanwhile, like a query in flight (BusyMarker), so nobody reads the fallback as
 * the page.
 */
export const usePageLoadingStore = create<{ loading: number; change(by: 1 | -1): void }>((set) => ({
  loading: 0,
  change: (by) => set((state) => ({ loading: state.loading + by })),
}));
