import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The renderer gets no Node, no Electron internals and no relaxed web security: it reaches the
 * backend only through the preload's `window.pave`.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#2-do-not-enable-nodejs-integration-for-remote-content
 * @see https://www.electronjs.org/docs/latest/tutorial/security#3-enable-context-isolation
 * @see https://www.electronjs.org/docs/latest/tutorial/security#4-enable-process-sandboxing
 * @see https://www.electronjs.org/docs/latest/tutorial/security#6-do-not-disable-websecurity
 * @see https://www.electronjs.org/docs/latest/tutorial/security#8-do-not-enable-allowrunninginsecurecontent
 * @see https://www.electronjs.org/docs/latest/tutorial/security#9-do-not-enable-experimental-features
 * @see https://www.electronjs.org/docs/latest/tutorial/security#12-verify-webview-options-before-creation
 */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    title: 'Pave',
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#111318',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // The renderer is one classic script (vite.config.ts): its V8 code cache is written on the
      // first load, not only from the second as Chromium's heat check would, so the first warm
      // start already skips compiling it (issue 12, "Start in a second"; app-protocol.ts keeps the
      // cache for app://).
      v8CacheOptions: 'bypassHeatCheck',
    },
  };
}
