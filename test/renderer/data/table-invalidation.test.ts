import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { PaveApi } from '../../../shared/contract';
import type { IpcEvent, IpcEventPayload } from '../../../shared/contract';
import type { SyncStatus } from '../../../shared/ipc/contract';
import { connectLiveUpdates } from '../../../renderer/data/live-updates';
import { queryKeys } from '../../../renderer/data/query-keys';
import { queryKeysForTables as keysForTables } from '../../../renderer/data/table-invalidation';
import { home, rendererFeatures } from '../../../renderer/features';
import { catalogKeys } from '../../../renderer/features/catalog/data';
import { composeShell } from '../../../renderer/shell/compose-shell';

/** The map the app runs with: the core's tables merged with every feature's. */
const { queriesByTable } = composeShell(rendererFeatures, home);
const queryKeysForTables = (tables: readonly string[]) => keysForTables(queriesByTable, tables);

describe('queryKeysForTables', () => {
  it('maps a table to the queries that read it, without duplicates', () => {
    const keys = queryKeysForTables(['services', 'services_fts']);
    expect(keys).toEqual(expect.arrayContaining([catalogKeys.list, catalogKeys.service]));
    expect(new Set(keys?.map((key) => JSON.stringify(key))).size).toBe(keys?.length);
    expect(queryKeysForTables(['environments'])).toEqual([catalogKeys.service]);
    expect(queryKeysForTables([])).toEqual([]);
  });

  it('returns null (invalidate everything) for a table it does not know', () => {
    expect(queryKeysForTables(['services', 'no_such_table'])).toBeNull();
    expect(queryKeysForTables(['constructor'])).toBeNull();
  });

  it('covers every cache table the backend announces', async () => {
    const { backendFeatures } = await import('../../../electron/backend/features');
    for (const table of backendFeatures.syncedTables) expect(Object.keys(queriesByTable)).toContain(table);
  });
});

/** A PaveApi whose events the test fires by hand; invoke is not used by live updates. */
function eventSource() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: PaveApi = {
    runtime: 'web',
    invoke: () => Promise.reject(new Error('not used')),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const fire = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { api, fire, count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0) };
}

describe('connectLiveUpdates', () => {
  const seed = (client: QueryClient) => {
    client.setQueryData(catalogKeys.listFor({ search: 'a' }), 'catalog');
    client.setQueryData(catalogKeys.serviceFor('s1'), 'service');
    client.setQueryData(queryKeys.settings, 'settings');
    client.setQueryData(queryKeys.teams, 'teams');
  };
  const invalidated = (client: QueryClient) =>
    client
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.isInvalidated)
      .map((query) => query.queryKey[0] + ':' + String(query.queryKey[1] ?? ''))
      .sort();

  it('invalidates exactly the queries reading the changed tables', () => {
    const client = new QueryClient();
    seed(client);
    const { api, fire } = eventSource();
    connectLiveUpdates(api, client, queriesByTable);
    fire('tables:changed', { tables: ['environments'] });
    expect(invalidated(client)).toEqual(['catalog:get']);
    fire('tables:changed', { tables: ['org'] });
    expect(invalidated(client)).toEqual(['catalog:get', 'settings:']);
  });

  it('invalidates everything for an unknown table', () => {
    const client = new QueryClient();
    seed(client);
    const { api, fire } = eventSource();
    connectLiveUpdates(api, client, queriesByTable);
    fire('tables:changed', { tables: ['something_new'] });
    expect(invalidated(client)).toEqual(['catalog:get', 'catalog:list', 'settings:', 'teams:']);
  });

  it('puts sync:status events into the query cache and unsubscribes cleanly', async () => {
    const client = new QueryClient();
    const { api, fire, count } = eventSource();
    const stop = connectLiveUpdates(api, client, queriesByTable);
    const status: SyncStatus = {
      state: 'offline',
      lastSyncedAt: null,
      pendingChanges: 2,
      lastError: { code: 'platform_unreachable', message: 'down' },
      nextRetryAt: null,
    };
    fire('sync:status', status);
    await vi.waitFor(() => expect(client.getQueryData(queryKeys.syncStatus)).toEqual(status));
    stop();
    expect(count()).toBe(0);
  });

  it('a pushed status wins over a sync:status read still on its way', async () => {
    const client = new QueryClient();
    const { api, fire } = eventSource();
    connectLiveUpdates(api, client, queriesByTable);
    const syncing: SyncStatus = {
      state: 'syncing',
      lastSyncedAt: null,
      pendingChanges: 0,
      lastError: null,
      nextRetryAt: null,
    };
    const online: SyncStatus = { ...syncing, state: 'online', lastSyncedAt: '2026-11-30T10:00:00.000Z' };
    // The status bar's first read: answered "syncing" by the backend, delivered after the push.
    let deliver: (status: SyncStatus) => void = () => undefined;
    const observer = new QueryObserver(client, {
      queryKey: queryKeys.syncStatus,
      queryFn: () => new Promise<SyncStatus>((resolve) => (deliver = resolve)),
    });
    const unsubscribe = observer.subscribe(() => undefined);
    fire('sync:status', online);
    deliver(syncing);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(client.getQueryData(queryKeys.syncStatus)).toEqual(online);
    // Several pushes in a row: the last one stays.
    fire('sync:status', syncing);
    fire('sync:status', online);
    await vi.waitFor(() => expect(client.getQueryData(queryKeys.syncStatus)).toEqual(online));
    unsubscribe();
  });
});
