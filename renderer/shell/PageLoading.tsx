import { useLayoutEffect } from 'react';
import { usePageLoadingStore } from './page-loading-store';

/**
 * What the page area shows while a lazily loaded page's code arrives: the same muted "Loading…"
 * the pages show while their first query runs, so a first visit looks like any other load. The
 * frame is `aria-busy` meanwhile (BusyMarker), as it is while a query runs.
 */
export function PageLoading() {
  const change = usePageLoadingStore((state) => state.change);
  useLayoutEffect(() => {
    change(1);
    return () => change(-1);
  }, [change]);
  return (
    <div className="page-message" data-testid="page-loading">
      <p className="muted">Loading…</p>
    </div>
  );
}
