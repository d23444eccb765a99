import { useSyncExternalStore } from 'react';

/** Hash routes: they work from file:// in Electron and need no server-side routes. */
export type Route =
  | { page: 'catalog' }
  | { page: 'service'; id: string }
  | { page: 'settings' }
  | { page: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/catalog';
  if (path === '/' || path === '/catalog') return { page: 'catalog' };
  if (path === '/settings') return { page: 'settings' };
  const service = /^\/services\/([^/]+)$/.exec(path);
  if (service?.[1]) {
    try {
      return { page: 'service', id: decodeURIComponent(service[1]) };
    } catch {
      // A malformed %-escape is not a service id.
    }
  }
  return { page: 'not-found', hash };
}

export function hrefFor(route: Exclude<Route, { page: 'not-found' }>): string {
  switch (route.page) {
    case 'catalog':
      return '#/catalog';
    case 'settings':
      return '#/settings';
    case 'service':
      return `#/services/${encodeURIComponent(route.id)}`;
  }
}

export function navigate(route: Exclude<Route, { page: 'not-found' }>): void {
  window.location.hash = hrefFor(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
