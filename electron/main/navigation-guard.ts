import { isAppUrl } from './app-origin';

export interface PreventableEvent {
  preventDefault(): void;
}
export interface NavigationEvent extends PreventableEvent {
  url: string;
}

/** The parts of Electron's WebContents this guard uses, so tests can pass a plain object. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export type OpenExternal = (url: string) => Promise<void>;

/**
 * Only https links leave the app, and only into the user's browser: file:, javascript:, custom
 * schemes and plain http could run code or reach local resources through the OS handler.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Keeps every window on the app's own origin: no navigation or redirect elsewhere, no new windows,
 * no <webview>. Safe links open in the default browser.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
 * @see https://www.electronjs.org/docs/latest/tutorial/security#14-disable-or-limit-creation-of-new-windows
 * @see https://www.electronjs.org/docs/latest/tutorial/security#12-verify-webview-options-before-creation
 */
export function guardNavigation(
  contents: GuardedContents,
  openExternal: OpenExternal,
  log: (line: string) => void = () => {},
): void {
  const openOutside = (url: string) => {
    if (!isSafeExternalUrl(url)) {
      log(`Refused to open ${url}: only https links open outside Pave.`);
      return;
    }
    openExternal(url).catch((error: unknown) => log(`Could not open ${url}: ${String(error)}`));
  };

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A clicked link to the web belongs in the browser, not in Pave's window.
    openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    // Redirects are server-driven, never user intent: refuse without opening anything.
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}
