import type { Backend } from '../backend/host/backend-types';
import { ipcEvents, type IpcEvent } from '../../shared/contract';
import { IpcErrorCode, type IpcResult } from '../../shared/ipc/result';
import { isAppUrl } from './app-origin';

export const invokeChannel = 'pave:invoke';
export const eventChannel = 'pave:event';

/** The parts of Electron's WebFrameMain, WebContents and IpcMainInvokeEvent the router reads. */
export interface SenderFrame {
  url: string;
}
export interface SenderContents {
  mainFrame: unknown;
}
export interface InvokeEvent {
  sender: SenderContents;
  senderFrame: SenderFrame | null;
}
export interface InvokeRegistry {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * A message counts only when it comes from the top frame of a window we created, showing our own
 * origin: an iframe, a navigated-away page or a stray webContents gets nothing.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
export function isTrustedSender(
  event: InvokeEvent,
  isOurContents: (contents: SenderContents) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (frame === null) return false;
  if (!isOurContents(event.sender)) return false;
  if (event.sender.mainFrame !== frame) return false;
  return isAppUrl(frame.url);
}

const failure = (code: string, message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});

/**
 * ONE invoke channel for every command: the sender is checked here, the command name and input are
 * validated by the backend against shared/ipc. Returns the function that removes the handler.
 */
export function routeIpc(
  ipcMain: InvokeRegistry,
  backend: Backend,
  isOurContents: (contents: SenderContents) => boolean,
): () => void {
  ipcMain.handle(invokeChannel, async (event, command, input): Promise<IpcResult<unknown>> => {
    if (!isTrustedSender(event, isOurContents)) {
      return failure(IpcErrorCode.forbiddenSender, 'This frame may not call Pave.');
    }
    if (typeof command !== 'string') {
      return failure(IpcErrorCode.invalidInput, 'The command name must be a string.');
    }
    try {
      return await backend.dispatch(command, input);
    } catch (error) {
      // The backend promises not to throw; if it does, the renderer still gets a value.
      return failure(IpcErrorCode.internal, error instanceof Error ? error.message : String(error));
    }
  });
  return () => ipcMain.removeHandler(invokeChannel);
}

/** Pushes every backend event to our windows as `pave:event` (name, payload). */
export function forwardBackendEvents(backend: Backend, targets: () => Iterable<EventTarget>): () => void {
  const names = Object.keys(ipcEvents) as IpcEvent[];
  const unsubscribers = names.map((name) =>
    backend.on(name, (payload) => {
      for (const target of targets()) {
        if (!target.isDestroyed()) target.send(eventChannel, name, payload);
      }
    }),
  );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
