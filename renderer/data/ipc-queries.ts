import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CatalogQuery } from '../../shared/features/catalog/ipc';
import { unwrap } from './ipc-error';
import { pave } from './pave';
import { queryKeys } from './query-keys';

/** Query definitions shared by every component that reads the same backend data. */

export const settingsQuery = () =>
  queryOptions({
    queryKey: queryKeys.settings,
    queryFn: async () => unwrap(await pave().invoke('settings:get', {})),
  });

export const catalogListQuery = (query: CatalogQuery) =>
  queryOptions({
    queryKey: queryKeys.catalogListFor(query),
    // The page carries the query that produced it: while a newer query loads, the previous
    // page stays on screen (placeholder) and its labels must describe that page, not the new one.
    queryFn: async () => ({ ...unwrap(await pave().invoke('catalog:list', query)), query }),
    // Keep the old rows on screen while a new search/filter loads: no flicker to empty.
    placeholderData: keepPreviousData,
  });

export const serviceQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.serviceFor(id),
    queryFn: async () => unwrap(await pave().invoke('catalog:get', { id })),
  });

export const syncStatusQuery = () =>
  queryOptions({
    queryKey: queryKeys.syncStatus,
    queryFn: async () => unwrap(await pave().invoke('sync:status', {})),
  });

/** Offline changes not yet accepted by the platform (pending, awaiting confirmation, rejected). */
export const outboxQuery = () =>
  queryOptions({
    queryKey: queryKeys.outbox,
    queryFn: async () => unwrap(await pave().invoke('outbox:list', {})),
  });

export const teamsQuery = () =>
  queryOptions({
    queryKey: queryKeys.teams,
    queryFn: async () => unwrap(await pave().invoke('teams:list', {})),
  });
