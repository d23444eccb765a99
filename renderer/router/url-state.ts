import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { Href } from './route-path';

/**
 * A list's view (filters, sort, search) kept in the URL after `?` in the hash
 * (`#/catalog?tier=1&sort=name:asc`), so a view can be shared and comes back on reload
 * (docs/architecture.md, "Features"). The page's store stays the state; the URL mirrors it.
 */
export interface UrlCodec<S> {
  /** The state's view as parameters; defaults left out so plain URLs stay plain. */
  toParams(state: S): URLSearchParams;
  /** What the URL says, validated: anything unknown or malformed is ignored, never trusted. */
  fromParams(params: URLSearchParams): Partial<S>;
}

/** The parameters after `?` in a hash (`#/catalog?tier=1` → tier=1). */
export function hashQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : hash.slice(at + 1));
}

/** The hash without its query (what routes match). */
export function hashPath(hash: string): string {
  const at = hash.indexOf('?');
  return at === -1 ? hash : hash.slice(0, at);
}

/** `#/catalog` + params → `#/catalog?…` (or the path alone when there are none). */
export function withHashQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query === '' ? path : `${path}?${query}`;
}

/**
 * Mirrors a store into the current page's URL: on mount the URL's view (if any) is applied to
 * the store, then every change is written back with `replaceState`, after the frame that shows it —
 * no history entry per keystroke and no hashchange, so the page is not re-rendered from the top.
 */
export function useUrlState<V, S extends V>(store: StoreApi<S>, codec: UrlCodec<V>, page: Href): void {
  useEffect(() => mirrorStoreToUrl(store, codec, page), [store, codec, page]);
}

/** useUrlState's work outside React: applies the URL's view, mirrors changes; returns the stop. */
export function mirrorStoreToUrl<V, S extends V>(
  store: StoreApi<S>,
  codec: UrlCodec<V>,
  page: Href,
): () => void {
  const fromUrl = codec.fromParams(hashQuery(window.location.hash));
  if (Object.keys(fromUrl).length > 0) store.setState(fromUrl as Partial<S>);
  const write = (state: S) => {
    // The page's own address, not the current hash: the home page may have been opened as `#/` or
    // with no hash at all, and a query must never land outside the hash.
    const next = withHashQuery(page, codec.toParams(state));
    if (next !== window.location.hash) window.history.replaceState(window.history.state, '', next);
  };
  write(store.getState());
  // A change is written after the frame it renders in (`replaceState` costs a millisecond or
  // two, and a keystroke's rows should not wait for the address bar); several changes in one
  // frame make one write. Leaving the page cancels it: the address is the next page's by then.
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = 0;
    timer = undefined;
    pendingWrites.delete(flush);
  };
  const flush = () => {
    cancel();
    // The first write made the address this page's; another path means a navigation happened
    // in between (a link, Back), and its address is not ours to overwrite.
    if (hashPath(window.location.hash) === hashPath(page)) write(store.getState());
  };
  const unsubscribe = store.subscribe(() => {
    if (pendingWrites.has(flush)) return;
    pendingWrites.add(flush);
    frame = requestAnimationFrame(() => {
      frame = 0;
      timer = setTimeout(flush);
    });
  });
  return () => {
    unsubscribe();
    cancel();
  };
}

/** Each mirrored page's write still waiting for its frame. */
const pendingWrites = new Set<() => void>();

/**
 * Writes the views still waiting for their frame, now: `navigate` calls it before it leaves the
 * page, so a change made just before (a row selected as it is opened) is in the address Back
 * returns to.
 */
export function flushUrlWrites(): void {
  for (const flush of [...pendingWrites]) flush();
}
