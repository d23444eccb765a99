import { useIsFetching } from '@tanstack/react-query';
import { useLayoutEffect, type RefObject } from 'react';
import { usePageLoadingStore } from './page-loading-store';

/**
 * Sets `aria-busy` on `target` (the page frame) while any query is in flight: screen readers wait
 * for the page to fill, and end-to-end tests wait on it instead of sleeping (docs/architecture.md,
 * "Tests"). Its own component, so a fetch starting or ending re-renders nothing but this.
 */
export function BusyMarker({ target }: { target: RefObject<HTMLElement | null> }) {
  const queries = useIsFetching();
  // A page whose code is still loading (PageLoading) is busy too: its queries have not started yet.
  const pageLoading = usePageLoadingStore((state) => state.loading > 0);
  const fetching = queries > 0 || pageLoading;
  useLayoutEffect(() => {
    target.current?.setAttribute('aria-busy', String(fetching));
  }, [fetching, target]);
  return null;
}
