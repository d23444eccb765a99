import type { CatalogQuery } from '../../shared/features/catalog/ipc';

/**
 * Every react-query key the renderer uses, by the backend tables they read (see
 * table-invalidation.ts). Prefix arrays first, so invalidating `catalogList` hits every query.
 */
export const queryKeys = {
  catalogList: ['catalog', 'list'] as const,
  catalogListFor: (query: CatalogQuery) => ['catalog', 'list', query] as const,
  service: ['catalog', 'get'] as const,
  serviceFor: (id: string) => ['catalog', 'get', id] as const,
  teams: ['teams'] as const,
  settings: ['settings'] as const,
  syncStatus: ['sync', 'status'] as const,
  outbox: ['outbox'] as const,
};
