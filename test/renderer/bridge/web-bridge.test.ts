import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebBridge, type EventSourceLike } from '../../../renderer/bridge/web-bridge';
import type { SyncStatus } from '../../../shared/ipc/contract';

/** An EventSource the test drives: open, error (optionally CLOSED) and named messages. */
class FakeEventSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string> | Event) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string> | Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    for (const listener of this.listeners.get('open') ?? []) listener(new Event('open'));
  }
  fail(readyState: 0 | 2) {
    this.readyState = readyState;
    for (const listener of this.listeners.get('error') ?? []) listener(new Event('error'));
  }
  message(type: string, data: string) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
}

const status = (state: SyncStatus['state'], extra: Partial<SyncStatus> = {}): SyncStatus => ({
  state,
  lastSyncedAt: null,
  pendingChanges: 0,
  lastError: null,
  nextRetryAt: null,
  ...extra,
});

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    ...init,
  });

function setup(fetchImpl: (url: string, init: RequestInit) => Promise<Response>) {
  const sources: FakeEventSource[] = [];
  const onUnauthorized = vi.fn();
  const onReconnect = vi.fn();
  const fetchMock = vi.fn(fetchImpl);
  const bridge = createWebBridge({
    fetch: fetchMock as unknown as typeof fetch,
    createEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    onUnauthorized,
    onReconnect,
    now: () => Date.parse('2025-06-10T12:00:00Z'),
  });
  return { bridge, sources, onUnauthorized, onReconnect, fetchMock };
}

describe('web bridge invoke', () => {
  it('POSTs the input to /ipc/<command> with the session cookie and returns the parsed value', async () => {
    const { bridge, fetchMock } = setup(async () => json({ ok: true, value: status('online') }));
    const result = await bridge.invoke('sync:status', {});
    expect(result).toEqual({ ok: true, value: status('online') });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/ipc/sync%3Astatus');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(String(init.body))).toEqual({});
  });

  it('passes error results through, whatever the HTTP status', async () => {
    const error = { code: 'invalid_input', message: 'search: too long' };
    const { bridge } = setup(async () => json({ ok: false, error }, { status: 400 }));
    expect(await bridge.invoke('catalog:list', { search: 'x' })).toEqual({ ok: false, error });
  });

  it('rejects an answer that does not match the contract', async () => {
    const { bridge } = setup(async () => json({ ok: true, value: { state: 'bogus' } }));
    const result = await bridge.invoke('sync:status', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_response');
  });

  it('reports a non-JSON answer and an unreachable backend as error values', async () => {
    const html = setup(async () => new Response('<html>', { status: 502 }));
    const notJson = await html.bridge.invoke('settings:get', {});
    expect(notJson.ok === false && notJson.error.code).toBe('invalid_response');
    const down = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    const unreachable = await down.bridge.invoke('settings:get', {});
    expect(unreachable.ok === false && unreachable.error.code).toBe('backend_unreachable');
  });

  it('on 401 calls onUnauthorized once and stops calling the backend', async () => {
    const { bridge, onUnauthorized, fetchMock } = setup(async () =>
      json({ error: { code: 'unauthorized', message: 'no' } }, { status: 401 }),
    );
    const first = await bridge.invoke('settings:get', {});
    const second = await bridge.invoke('settings:get', {});
    expect(first.ok === false && first.error.code).toBe('unauthorized');
    expect(second.ok).toBe(false);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('web bridge events', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects on first subscription and delivers validated events by name', () => {
    const { bridge, sources } = setup(async () => json({ ok: true, value: status('online') }));
    expect(sources).toHaveLength(0);
    const statuses: SyncStatus[] = [];
    const tables: string[][] = [];
    bridge.on('sync:status', (payload) => statuses.push(payload));
    const off = bridge.on('tables:changed', (payload) => tables.push(payload.tables));
    expect(sources).toHaveLength(1);
    expect(sources[0]!.url).toBe('/events');
    sources[0]!.open();
    sources[0]!.message('sync:status', JSON.stringify(status('syncing')));
    sources[0]!.message('tables:changed', JSON.stringify({ tables: ['services'] }));
    sources[0]!.message('tables:changed', JSON.stringify({ tables: 'nope' }));
    sources[0]!.message('tables:changed', '{not json');
    off();
    sources[0]!.message('tables:changed', JSON.stringify({ tables: ['teams'] }));
    expect(statuses).toEqual([status('syncing')]);
    expect(tables).toEqual([['services']]);
  });

  it('polls sync:status every 5 s while the stream is down, and stops when it is back', async () => {
    const { bridge, sources, fetchMock, onReconnect } = setup(async () =>
      json({ ok: true, value: status('offline') }),
    );
    const statuses: SyncStatus['state'][] = [];
    bridge.on('sync:status', (payload) => statuses.push(payload.state));
    const source = sources[0]!;
    source.open();
    source.fail(0); // CONNECTING: the browser retries the stream by itself
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(statuses).toEqual(['offline', 'offline', 'offline']);
    expect(sources).toHaveLength(1);

    source.open();
    await vi.advanceTimersByTimeAsync(0);
    // Back: one fresh status, a reconnect signal for missed table events, and no more polling.
    expect(onReconnect).toHaveBeenCalledTimes(1);
    const callsAfterReconnect = fetchMock.mock.calls.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(fetchMock).toHaveBeenCalledTimes(callsAfterReconnect);
  });

  it('reports offline with the reason when the backend itself is gone, keeping what it knew', async () => {
    let up = true;
    const { bridge, sources } = setup(async () => {
      if (up) return json({ ok: true, value: status('online', { lastSyncedAt: '2025-06-10T11:59:00Z' }) });
      throw new TypeError('Failed to fetch');
    });
    const statuses: SyncStatus[] = [];
    bridge.on('sync:status', (payload) => statuses.push(payload));
    const source = sources[0]!;
    source.open();
    source.message(
      'sync:status',
      JSON.stringify(status('online', { lastSyncedAt: '2025-06-10T11:59:00Z', pendingChanges: 3 })),
    );
    up = false;
    source.fail(0);
    await vi.advanceTimersByTimeAsync(0);
    const last = statuses.at(-1)!;
    expect(last.state).toBe('offline');
    expect(last.lastError?.code).toBe('backend_unreachable');
    expect(last.lastSyncedAt).toBe('2025-06-10T11:59:00Z');
    expect(last.pendingChanges).toBe(3);
    expect(last.nextRetryAt).toBe('2025-06-10T12:00:05.000Z');
  });

  it('opens a new stream with backoff when the old one is closed for good', async () => {
    const { bridge, sources } = setup(async () => json({ ok: true, value: status('online') }));
    bridge.on('sync:status', () => {});
    sources[0]!.fail(2);
    expect(sources[0]!.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(999);
    expect(sources).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sources).toHaveLength(2);
    sources[1]!.fail(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sources).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sources).toHaveLength(3);
  });

  it('stops streaming and polling after a 401', async () => {
    const { bridge, sources, fetchMock, onUnauthorized } = setup(async () =>
      json({ error: { code: 'unauthorized', message: 'no' } }, { status: 401 }),
    );
    bridge.on('sync:status', () => {});
    sources[0]!.fail(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(sources).toHaveLength(1);
  });
});
