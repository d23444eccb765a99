import { useSyncExternalStore } from 'react';
import type { PageRoute } from './page-route';
import type { Href } from './route-path';
import { flushUrlWrites, hashPath } from './url-state';

export type Location =
  { page: PageRoute; params: Readonly<Record<string, string>> } | { page: null; hash: string };

/**
 * The page a hash shows: the first route whose path matches. An empty hash (or `#/`) is the home
 * path; anything unmatched, malformed %-escapes included, is "not found" with the hash it had.
 */
export function locate(routes: readonly PageRoute[], homePath: string, hash: string): Location {
  // The query after `?` is the page's view (renderer/router/url-state.ts), not part of the route.
  const trimmed = hashPath(hash).replace(/^#/, '').replace(/\/+$/, '');
  const path = trimmed === '' || trimmed === '/' ? homePath : trimmed;
  for (const page of routes) {
    const params = page.path.match(path);
    if (params) return { page, params };
  }
  return { page: null, hash };
}

export function navigate(href: Href): void {
  // The page being left writes its latest view first, into its own history entry.
  flushUrlWrites();
  window.location.hash = href;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
