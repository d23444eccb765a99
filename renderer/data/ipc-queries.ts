import { queryOptions } from '@tanstack/react-query';
import { unwrap } from './ipc-error';
import { pave } from './pave';
import { queryKeys } from './query-keys';

/** The core's query definitions, shared by every component that reads the same backend data. */

export const settingsQuery = () =>
  queryOptions({
    queryKey: queryKeys.settings,
    queryFn: async () => unwrap(await pave().invoke('settings:get', {})),
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
