import type { Backend } from '../../electron/backend/host/backend-types';
import type { IpcEvent, IpcEventPayload } from '../../shared/contract';
import { isIpcCommand } from '../../shared/contract';
import type { IpcResult } from '../../shared/ipc/result';

/** A Backend double that records dispatches and lets a test emit events (unit isolation only). */
export interface FakeBackend extends Backend {
  calls: { command: string; input: unknown }[];
  emit<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void;
  listenerCount(): number;
  closed: boolean;
}

export function createFakeBackend(): FakeBackend {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const backend: FakeBackend = {
    calls: [],
    closed: false,
    async dispatch(command, input): Promise<IpcResult<unknown>> {
      backend.calls.push({ command, input });
      if (!isIpcCommand(command)) {
        return { ok: false, error: { code: 'unknown_command', message: `No command ${command}.` } };
      }
      return { ok: true, value: { echo: input } };
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
    async close() {
      backend.closed = true;
    },
  };
  return backend;
}
