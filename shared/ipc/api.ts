import type { z } from 'zod';
import type { IpcResult } from './result';
import type { IpcCommandMap, IpcEventMap } from './shared-feature';

/**
 * `window.pave`: the only way the renderer reaches the backend. The Electron preload and the
 * browser-mode bridge both `satisfies PaveApi` (shared/contract.ts gives the composed maps).
 */
export interface PaveApiOf<C extends IpcCommandMap, E extends IpcEventMap> {
  invoke<K extends keyof C & string>(
    command: K,
    input: z.input<C[K]['input']>,
  ): Promise<IpcResult<z.output<C[K]['output']>>>;
  /** Subscribe to a backend event; returns the unsubscribe function. */
  on<K extends keyof E & string>(event: K, listener: (payload: z.output<E[K]>) => void): () => void;
  /** 'electron' inside the desktop shell, 'web' in browser mode. */
  readonly runtime: 'electron' | 'web';
}
