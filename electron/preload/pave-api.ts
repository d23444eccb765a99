import {
  isIpcCommand,
  isIpcEvent,
  type IpcCommand,
  type IpcEvent,
  type IpcInput,
  type IpcOutput,
} from '../../shared/contract';
import type { PaveApi } from '../../shared/contract';
import { IpcErrorCode, type IpcResult } from '../../shared/ipc/result';

/** Must match electron/main/ipc-router.ts; the preload bundle cannot import main's code. */
const invokeChannel = 'pave:invoke';
const eventChannel = 'pave:event';

/** The parts of Electron's ipcRenderer the preload uses. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.pave` for the Electron renderer. Listeners never see Electron's IpcRendererEvent (it
 * carries `sender`, an ipcRenderer), only the payload; one ipcRenderer listener fans out to all.
 * @see https://www.electronjs.org/docs/latest/tutorial/context-isolation#security-considerations
 */
export function createPaveApi(ipc: RendererIpc): PaveApi {
  const listeners = new Map<IpcEvent, Set<(payload: unknown) => void>>();
  ipc.on(eventChannel, (_event, name, payload) => {
    if (typeof name !== 'string' || !isIpcEvent(name)) return;
    for (const listener of listeners.get(name) ?? []) listener(payload);
  });

  const api = {
    runtime: 'electron' as const,
    invoke<C extends IpcCommand>(command: C, input: IpcInput<C>): Promise<IpcResult<IpcOutput<C>>> {
      if (!isIpcCommand(command)) {
        const unknown: IpcResult<never> = {
          ok: false,
          error: { code: IpcErrorCode.unknownCommand, message: `Unknown command ${String(command)}.` },
        };
        return Promise.resolve(unknown);
      }
      // Main answers with the backend's IpcResult for this command (validated there, not here).
      return ipc.invoke(invokeChannel, command, input) as Promise<IpcResult<IpcOutput<C>>>;
    },
    on(event, listener) {
      if (!isIpcEvent(event)) throw new TypeError(`Unknown event ${String(event)}.`);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  } satisfies PaveApi;
  return api;
}
