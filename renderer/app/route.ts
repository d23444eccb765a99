import { useSyncExternalStore } from 'react';

/** Hash routes: they work from file:// in Electron and need no server-side routes. */
export type Route =
  | { page: 'catalog' }
  | { page: 'service'; id: string }
  | { page: 'settings' }
  | { page: 'create-service' }
  | { page: 'incidents' }
  | { page: 'cost' }
  | { page: 'backlog' }
  | { page: 'roadmap' }
  | { page: 'support' }
  | { page: 'surveys' }
  | { page: 'survey'; id: string }
  | { page: 'operations' }
  | { page: 'operation'; id: string }
  | { page: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/catalog';
  if (path === '/' || path === '/catalog') return { page: 'catalog' };
  if (path === '/settings') return { page: 'settings' };
  if (path === '/operations') return { page: 'operations' };
  const operation = /^\/operations\/([^/]+)$/.exec(path);
  if (operation?.[1]) {
    try {
      return { page: 'operation', id: decodeURIComponent(operation[1]) };
    } catch {
      // A malformed %-escape is not an operation id.
    }
  }
  if (path === '/create-service') return { page: 'create-service' };
  if (path === '/incidents') return { page: 'incidents' };
  if (path === '/cost') return { page: 'cost' };
  if (path === '/backlog') return { page: 'backlog' };
  if (path === '/roadmap') return { page: 'roadmap' };
  if (path === '/support') return { page: 'support' };
  if (path === '/surveys') return { page: 'surveys' };
  const survey = /^\/surveys\/([^/]+)$/.exec(path);
  if (survey?.[1]) {
    try {
      return { page: 'survey', id: decodeURIComponent(survey[1]) };
    } catch {
      // A malformed %-escape is not a survey id.
    }
  }
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
    case 'operations':
      return '#/operations';
    case 'operation':
      return `#/operations/${encodeURIComponent(route.id)}`;
    case 'create-service':
      return '#/create-service';
    case 'incidents':
      return '#/incidents';
    case 'cost':
      return '#/cost';
    case 'backlog':
      return '#/backlog';
    case 'roadmap':
      return '#/roadmap';
    case 'support':
      return '#/support';
    case 'surveys':
      return '#/surveys';
    case 'survey':
      return `#/surveys/${encodeURIComponent(route.id)}`;
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
