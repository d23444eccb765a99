import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPaveApi, type RendererIpc } from '../../electron/preload/pave-api';

/** A stand-in for ipcRenderer: records invokes and lets the test deliver `pave:event` messages. */
function fakeIpc() {
  const channels = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  const ipc = {
    invoke: vi.fn((_channel: string, ..._args: unknown[]) =>
      Promise.resolve<unknown>({ ok: true, value: 'pong' }),
    ),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown => {
      channels.set(channel, [...(channels.get(channel) ?? []), listener]);
      return undefined;
    }),
  } satisfies RendererIpc;
  const deliver = (...args: unknown[]) => {
    for (const listener of channels.get('pave:event') ?? []) listener({ sender: 'ipcRenderer!' }, ...args);
  };
  return { ipc, deliver };
}

describe('createPaveApi', () => {
  it('invokes known commands over pave:invoke', async () => {
    const { ipc } = fakeIpc();
    const api = createPaveApi(ipc);
    expect(api.runtime).toBe('electron');
    await expect(api.invoke('catalog:get', { id: 'svc-1' })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(ipc.invoke).toHaveBeenCalledWith('pave:invoke', 'catalog:get', { id: 'svc-1' });
  });

  it('answers unknown commands with an error value and never calls main', async () => {
    const { ipc } = fakeIpc();
    const api = createPaveApi(ipc);
    const invokeAnything = api.invoke as (command: string, input: unknown) => Promise<unknown>;
    await expect(invokeAnything('shell:exec', { cmd: 'rm -rf /' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_command' },
    });
    await expect(invokeAnything('__proto__', {})).resolves.toMatchObject({ ok: false });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('delivers only the named event, payload only, until unsubscribed', () => {
    const { ipc, deliver } = fakeIpc();
    const api = createPaveApi(ipc);
    const tables = vi.fn();
    const status = vi.fn();
    const stop = api.on('tables:changed', tables);
    api.on('sync:status', status);

    deliver('tables:changed', { tables: ['services'] });
    deliver('not:an-event', { x: 1 });
    deliver(42, {});
    expect(tables.mock.calls).toEqual([[{ tables: ['services'] }]]);
    expect(status).not.toHaveBeenCalled();

    stop();
    deliver('tables:changed', { tables: ['teams'] });
    expect(tables).toHaveBeenCalledTimes(1);
    // One ipcRenderer listener for all subscriptions: no MaxListeners leak as components mount.
    expect(ipc.on).toHaveBeenCalledTimes(1);
  });

  it('refuses to subscribe to an event outside the contract', () => {
    const api = createPaveApi(fakeIpc().ipc);
    const onAnything = api.on as (event: string, listener: () => void) => () => void;
    expect(() => onAnything('devtools:open', () => {})).toThrow(/Unknown event/);
  });
});

const exposed = vi.hoisted(() => new Map<string, unknown>());
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke: () => Promise.resolve({ ok: true, value: null }), on: () => undefined },
}));

describe('preload entry', () => {
  beforeEach(() => exposed.clear());

  it('exposes window.pave and nothing else', async () => {
    await import('../../electron/preload/index');
    expect([...exposed.keys()]).toEqual(['pave']);
    const api = exposed.get('pave') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'runtime']);
    expect(api.runtime).toBe('electron');
  });
});
