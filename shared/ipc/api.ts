import type { IpcCommand, IpcEvent, IpcEventPayload, IpcInput, IpcOutput } from './contract';
import type { IpcResult } from './result';

/**
 * `window.pave`: the only way the renderer reaches the backend. The Electron preload and the
 * browser-mode bridge both `satisfies PaveApi`.
 */
export interface PaveApi {
  invoke<C extends IpcCommand>(command: C, input: IpcInput<C>): Promise<IpcResult<IpcOutput<C>>>;
  /** Subscribe to a backend event; returns the unsubscribe function. */
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
  /** 'electron' inside the desktop shell, 'web' in browser mode. */
  readonly runtime: 'electron' | 'web';
}
