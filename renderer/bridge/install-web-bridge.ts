import { createWebBridge, type WebBridgeOptions } from './web-bridge';

/**
 * Browser mode only: Electron's preload has already set `window.pave`, and we never replace it.
 * Returns true when the web bridge was installed.
 */
export function installWebBridgeIfMissing(options: WebBridgeOptions): boolean {
  if (window.pave !== undefined) return false;
  window.pave = createWebBridge(options);
  // electron/web traded the one-time `?token=` for a session cookie; drop it from the address
  // bar so it is not bookmarked, shared or kept in history.
  const url = new URL(window.location.href);
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url);
  }
  return true;
}
