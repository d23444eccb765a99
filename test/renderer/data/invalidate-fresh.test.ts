import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { PaveApi } from '../../../shared/contract';
import { invalidateFresh } from '../../../renderer/data/invalidate-fresh';
import { connectLiveUpdates } from '../../../renderer/data/live-updates';

/** A backend whose answers the test releases by hand, oldest first. */
function backend() {
  let version = 1;
  const waiting: (() => void)[] = [];
  const calls: number[] = [];
  return {
    change: () => version++,
    calls,
    read: () =>
      new Promise<string>((resolve) => {
        // The answer is read now (what the backend held when the request arrived), delivered later.
        const answer = `v${version}`;
        calls.push(version);
        waiting.push(() => resolve(answer));
      }),
    release: async () => {
      while (waiting.length) waiting.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

/** Watches `key` like a mounted view would (an active observer). */
function watch(client: QueryClient, key: string[], read: () => Promise<string>) {
  const observer = new QueryObserver(client, { queryKey: key, queryFn: read, retry: false });
  const unsubscribe = observer.subscribe(() => undefined);
  return { data: () => observer.getCurrentResult().data, unsubscribe };
}

const settle = async (server: ReturnType<typeof backend>) => {
  for (let i = 0; i < 5; i++) await server.release();
};

describe('invalidateFresh', () => {
  it('asks again when a change lands while the first read is on its way (plain invalidation keeps the stale answer)', async () => {
    const plain = new QueryClient();
    const plainServer = backend();
    const plainView = watch(plain, ['operations'], plainServer.read);
    plainServer.change();
    void plain.invalidateQueries({ queryKey: ['operations'] });
    await settle(plainServer);
    // TanStack's own behaviour, which this helper exists for.
    expect(plainView.data()).toBe('v1');

    const client = new QueryClient();
    const server = backend();
    const view = watch(client, ['operations'], server.read);
    server.change();
    invalidateFresh(client, { queryKey: ['operations'] });
    await settle(server);
    expect(view.data()).toBe('v2');
    plainView.unsubscribe();
    view.unsubscribe();
  });

  it('asks once for a burst of changes during one first read', async () => {
    const client = new QueryClient();
    const server = backend();
    const view = watch(client, ['log'], server.read);
    for (let i = 0; i < 10; i++) {
      server.change();
      invalidateFresh(client, { queryKey: ['log'] });
    }
    await settle(server);
    expect(view.data()).toBe('v11');
    expect(server.calls).toEqual([1, 11]);
    view.unsubscribe();
  });

  it('leaves queries that already have data to the usual cancel-and-refetch', async () => {
    const client = new QueryClient();
    const server = backend();
    const view = watch(client, ['catalog'], server.read);
    await settle(server);
    server.change();
    invalidateFresh(client, { queryKey: ['catalog'] });
    await settle(server);
    expect(view.data()).toBe('v2');
    expect(server.calls).toEqual([1, 2]);
    view.unsubscribe();
  });

  it('is what live updates use: a tables:changed during a first read is not lost', async () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const api = {
      runtime: 'web',
      invoke: () => Promise.reject(new Error('not used')),
      on: (event: string, listener: (payload: unknown) => void) => {
        listeners.set(event, listener);
        return () => listeners.delete(event);
      },
    } as unknown as PaveApi;
    const client = new QueryClient();
    const server = backend();
    connectLiveUpdates(api, client, { operations: [['operations']] });
    const view = watch(client, ['operations', 'list'], server.read);
    server.change();
    listeners.get('tables:changed')?.({ tables: ['operations'] });
    await settle(server);
    expect(view.data()).toBe('v2');
    view.unsubscribe();
  });
});
