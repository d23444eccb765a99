import { contextBridge, ipcRenderer } from 'electron';
import { createPaveApi } from './pave-api';

/**
 * The sandboxed preload exposes `window.pave` and nothing else: no ipcRenderer, no Node.
 * Bundled by scripts/build-electron.mjs, because a sandboxed preload can only require 'electron'.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#3-enable-context-isolation
 * @see https://www.electronjs.org/docs/latest/tutorial/security#20-do-not-expose-electron-apis-to-untrusted-web-content
 */
contextBridge.exposeInMainWorld('pave', createPaveApi(ipcRenderer));
