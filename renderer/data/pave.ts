import type { PaveApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the Electron preload, or by the web bridge in browser mode (see main.tsx). */
    pave?: PaveApi;
  }
}

export function pave(): PaveApi {
  if (!window.pave) throw new Error('window.pave is missing: the preload or web bridge did not load.');
  return window.pave;
}
