import { z } from 'zod';
import type { PaveApi } from '../../shared/contract';
import { IpcErrorShape, type SyncStatus } from '../../shared/ipc/contract';
import {
  ipcCommands,
  ipcEvents,
  type IpcCommand,
  type IpcEvent,
  type IpcEventPayload,
  type IpcOutput,
} from '../../shared/contract';
import type { IpcResult } from '../../shared/ipc/result';

/**
 * Browser mode's `window.pave`: the same PaveApi the Electron preload exposes, spoken over
 * electron/web's loopback HTTP (`POST /ipc/<command>`) and SSE (`GET /events`). Auth is the
 * HttpOnly session cookie electron/web set when the page was opened with `?token=…`.
 */

/** The subset of EventSource we use, so tests can pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string> | Event) => void): void;
  close(): void;
}

export interface WebBridgeOptions {
  /** Called once when the backend answers 401: the session cookie is gone or stale. */
  onUnauthorized: () => void;
  /** Called when the event stream comes back after a gap; events may have been missed. */
  onReconnect?: () => void;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
  /** Origin + path prefix of electron/web; '' means the page's own origin. */
  baseUrl?: string;
  /** How often sync:status is polled while the event stream is down. */
  pollIntervalMs?: number;
  now?: () => number;
}

export const webBridgeErrorCode = {
  unauthorized: 'unauthorized',
  backendUnreachable: 'backend_unreachable',
  invalidResponse: 'invalid_response',
} as const;

const EVENT_SOURCE_CLOSED = 2;
const MAX_RECONNECT_DELAY_MS = 10_000;

const Envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: IpcErrorShape }),
]);

const failure = (code: string, message: string): { ok: false; error: IpcErrorShape } => ({
  ok: false,
  error: { code, message },
});

type Listener = (payload: unknown) => void;

export function createWebBridge(options: WebBridgeOptions) {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const createEventSource = options.createEventSource ?? ((url: string) => new EventSource(url));
  const baseUrl = options.baseUrl ?? '';
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const now = options.now ?? Date.now;

  const listeners = new Map<IpcEvent, Set<Listener>>();
  let source: EventSourceLike | null = null;
  let connected = false;
  let hadGap = false;
  let unauthorized = false;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let reconnectAttempts = 0;
  let lastStatus: SyncStatus | null = null;

  function emit(event: IpcEvent, payload: unknown): void {
    if (event === 'sync:status') lastStatus = payload as SyncStatus;
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  async function invoke<C extends IpcCommand>(command: C, input: unknown): Promise<IpcResult<IpcOutput<C>>> {
    if (unauthorized) {
      return failure(webBridgeErrorCode.unauthorized, 'Your browser session expired.');
    }
    let response: Response;
    try {
      response = await fetchFn(`${baseUrl}/ipc/${encodeURIComponent(command)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return failure(
        webBridgeErrorCode.backendUnreachable,
        'Cannot reach the Pave backend. Check that `npm start` is still running.',
      );
    }
    if (response.status === 401) {
      markUnauthorized();
      return failure(webBridgeErrorCode.unauthorized, 'Your browser session expired.');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure(
        webBridgeErrorCode.invalidResponse,
        `The backend answered ${response.status} without JSON.`,
      );
    }
    const envelope = Envelope.safeParse(body);
    if (!envelope.success) {
      return failure(
        webBridgeErrorCode.invalidResponse,
        `The backend's answer to ${command} is not an IpcResult.`,
      );
    }
    if (!envelope.data.ok) return envelope.data;
    // The contract's output schema is the boundary check; the backend is a separate process.
    const output = ipcCommands[command].output.safeParse(envelope.data.value);
    if (!output.success) {
      return failure(
        webBridgeErrorCode.invalidResponse,
        `The backend's answer to ${command} does not match the contract: ${output.error.issues[0]?.message ?? 'invalid'}`,
      );
    }
    return { ok: true, value: output.data as IpcOutput<C> };
  }

  function markUnauthorized(): void {
    if (unauthorized) return;
    unauthorized = true;
    stopPolling();
    if (reconnectTimer) clearTimeout(reconnectTimer);
    source?.close();
    source = null;
    options.onUnauthorized();
  }

  /** While the event stream is down, the status bar must still tell the truth. */
  async function pollStatus(): Promise<void> {
    const result = await invoke('sync:status', {});
    if (connected || unauthorized) return;
    if (result.ok) {
      emit('sync:status', result.value);
      return;
    }
    // We cannot reach the backend at all: from the user's seat Pave is offline.
    emit('sync:status', {
      state: 'offline',
      lastSyncedAt: lastStatus?.lastSyncedAt ?? null,
      pendingChanges: lastStatus?.pendingChanges ?? 0,
      lastError: result.error,
      nextRetryAt: new Date(now() + pollIntervalMs).toISOString(),
    } satisfies SyncStatus);
  }

  function startPolling(): void {
    if (pollTimer || unauthorized) return;
    void pollStatus();
    pollTimer = setInterval(() => void pollStatus(), pollIntervalMs);
  }

  function stopPolling(): void {
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
  }

  function connect(): void {
    if (unauthorized) return;
    const current = createEventSource(`${baseUrl}/events`);
    source = current;
    current.addEventListener('open', () => {
      if (source !== current) return;
      connected = true;
      reconnectAttempts = 0;
      stopPolling();
      if (hadGap) {
        hadGap = false;
        options.onReconnect?.();
        void invoke('sync:status', {}).then((result) => {
          if (result.ok) emit('sync:status', result.value);
        });
      }
    });
    current.addEventListener('error', () => {
      if (source !== current) return;
      connected = false;
      hadGap = true;
      startPolling();
      // EventSource retries by itself unless the response was not a stream (e.g. 401 or the
      // server gone mid-handshake): then it is CLOSED for good and we open a new one.
      if (current.readyState === EVENT_SOURCE_CLOSED) {
        current.close();
        source = null;
        const delay = Math.min(MAX_RECONNECT_DELAY_MS, 1_000 * 2 ** reconnectAttempts);
        reconnectAttempts += 1;
        reconnectTimer = setTimeout(() => {
          reconnectTimer = null;
          connect();
        }, delay);
      }
    });
    for (const name of Object.keys(ipcEvents) as IpcEvent[]) {
      current.addEventListener(name, (event) => {
        if (source !== current || !('data' in event)) return;
        let json: unknown;
        try {
          json = JSON.parse(event.data);
        } catch {
          return;
        }
        const payload = ipcEvents[name].safeParse(json);
        // A malformed event is dropped, not crashed on: the next one or a poll corrects the view.
        if (payload.success) emit(name, payload.data);
        else console.warn(`Dropped malformed ${name} event`, payload.error.issues[0]?.message);
      });
    }
  }

  const api = {
    runtime: 'web',
    invoke: invoke as PaveApi['invoke'],
    on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const wrapped = listener as Listener;
      set.add(wrapped);
      if (!source && !reconnectTimer) connect();
      return () => {
        set.delete(wrapped);
      };
    },
  } satisfies PaveApi;

  return api;
}
