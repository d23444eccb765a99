import { describe, expect, it, vi } from 'vitest';
import {
  eventChannel,
  forwardBackendEvents,
  invokeChannel,
  routeIpc,
  type EventTarget,
  type InvokeEvent,
  type InvokeRegistry,
  type SenderContents,
} from '../../electron/main/ipc-router';
import { createFakeBackend } from '../web/fake-backend';

type Handler = Parameters<InvokeRegistry['handle']>[1];

function router() {
  const handlers = new Map<string, Handler>();
  const ipcMain: InvokeRegistry = {
    handle: (channel, listener) => handlers.set(channel, listener),
    removeHandler: (channel) => handlers.delete(channel),
  };
  const backend = createFakeBackend();
  const mainFrame = { url: 'app://pave/index.html' };
  const ours: SenderContents = { mainFrame };
  const dispose = routeIpc(ipcMain, backend, (contents) => contents === ours);
  const invoke = (event: InvokeEvent, ...args: unknown[]) => {
    const handler = handlers.get(invokeChannel);
    if (!handler) throw new Error('no handler');
    return handler(event, ...args);
  };
  return { handlers, backend, ours, mainFrame, dispose, invoke };
}

describe('routeIpc', () => {
  it('dispatches a command from the top frame of our window and returns the IpcResult', async () => {
    const { invoke, backend, ours, mainFrame } = router();
    const result = await invoke({ sender: ours, senderFrame: mainFrame }, 'catalog:get', { id: 'a' });
    expect(result).toEqual({ ok: true, value: { echo: { id: 'a' } } });
    expect(backend.calls).toEqual([{ command: 'catalog:get', input: { id: 'a' } }]);
  });

  it('refuses a subframe of our window', async () => {
    const { invoke, backend, ours } = router();
    const iframe = { url: 'app://pave/index.html' };
    const result = await invoke({ sender: ours, senderFrame: iframe }, 'sync:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(backend.calls).toHaveLength(0);
  });

  it('refuses our top frame once it shows another origin', async () => {
    const { invoke, backend, ours, mainFrame } = router();
    mainFrame.url = 'https://evil.example/';
    const result = await invoke({ sender: ours, senderFrame: mainFrame }, 'sync:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(backend.calls).toHaveLength(0);
  });

  it('refuses webContents we did not create and destroyed frames', async () => {
    const { invoke, backend, ours } = router();
    const strangerFrame = { url: 'app://pave/index.html' };
    const stranger = { mainFrame: strangerFrame };
    expect(await invoke({ sender: stranger, senderFrame: strangerFrame }, 'sync:status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    expect(await invoke({ sender: ours, senderFrame: null }, 'sync:status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    expect(backend.calls).toHaveLength(0);
  });

  it('answers a non-string command name with invalid_input', async () => {
    const { invoke, ours, mainFrame } = router();
    expect(await invoke({ sender: ours, senderFrame: mainFrame }, 42, {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('turns a throwing backend into an internal error value', async () => {
    const { invoke, backend, ours, mainFrame } = router();
    backend.dispatch = () => Promise.reject(new Error('boom'));
    expect(await invoke({ sender: ours, senderFrame: mainFrame }, 'sync:status', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
  });

  it('removes its one handler on dispose', () => {
    const { handlers, dispose } = router();
    expect([...handlers.keys()]).toEqual([invokeChannel]);
    dispose();
    expect(handlers.size).toBe(0);
  });
});

describe('forwardBackendEvents', () => {
  it('sends every backend event to live windows as pave:event (name, payload)', () => {
    const backend = createFakeBackend();
    const live: EventTarget = { isDestroyed: () => false, send: vi.fn() };
    const gone: EventTarget = { isDestroyed: () => true, send: vi.fn() };
    const stop = forwardBackendEvents(backend, () => [live, gone]);

    backend.emit('tables:changed', { tables: ['services'] });
    const status = {
      state: 'offline',
      lastSyncedAt: null,
      pendingChanges: 2,
      lastError: null,
      nextRetryAt: null,
    } as const;
    backend.emit('sync:status', status);

    expect(live.send).toHaveBeenNthCalledWith(1, eventChannel, 'tables:changed', { tables: ['services'] });
    expect(live.send).toHaveBeenNthCalledWith(2, eventChannel, 'sync:status', status);
    expect(gone.send).not.toHaveBeenCalled();

    stop();
    expect(backend.listenerCount()).toBe(0);
  });
});
