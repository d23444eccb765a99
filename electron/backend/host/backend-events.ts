import type { IpcEvent, IpcEventPayload } from '../../../shared/contract';

export interface BackendEvents {
  emit<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void;
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
}

/** A typed emitter for the shared/ipc events; one bad listener cannot break the others. */
export function createBackendEvents(log: (line: string) => void): BackendEvents {
  const listeners = new Map<IpcEvent, Set<(payload: never) => void>>();
  return {
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as (p: typeof payload) => void)(payload);
        } catch (err) {
          log(
            `event ${event}: a listener failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
          );
        }
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}
