import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
  type WebContents,
} from 'electron';
import type { Backend } from '../backend/host/backend-types';
import { createBackend } from '../backend/create-backend';
import { appEntryUrl } from './app-origin';
import { createMenuTemplate } from './app-menu';
import { appUrlForDeepLink, deepLinkIn, deepLinkScheme } from './deep-link';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { applyContentSecurityPolicy } from './content-security-policy';
import { forwardBackendEvents, routeIpc } from './ipc-router';
import { guardNavigation } from './navigation-guard';
import { guardPermissions } from './permission-guard';
import { createSafeStorageVault } from './safe-storage-vault';
import { claimSingleInstance } from './single-instance';
import { utilityPlatformSpawner } from './utility-platform-process';
import { createWindowOptions } from './window-options';

/**
 * Electron main: wires the guards, the app:// protocol, the backend and the one window.
 * This file is bundled to dist-electron/main.cjs (scripts/build-electron.mjs); `__dirname` is that
 * folder, which also holds preload.cjs and platform.cjs.
 */

const log = (line: string) => console.error(`[pave] ${line}`);
const bundleDir = __dirname;
const rendererDir = app.isPackaged
  ? join(app.getAppPath(), 'dist', 'renderer')
  : join(bundleDir, '..', 'dist', 'renderer');

// The embedded platform runs as a child process; inside Electron there is no tsx to run
// server/cli.ts, so the backend starts the bundled server instead.
const platformBundle = join(bundleDir, 'platform.cjs');
if (existsSync(platformBundle)) process.env.PAVE_PLATFORM_ENTRY ??= platformBundle;

// PAVE_DATA_DIR gives tests (and a second profile) their own data; set before 'ready' so
// Chromium's own state lands there too.
if (process.env.PAVE_DATA_DIR) app.setPath('userData', process.env.PAVE_DATA_DIR);

const windows = new Set<BrowserWindow>();
const ourContents = new Set<WebContents>();
let backend: Backend | undefined;
let quitting = false;
// The page a `pave://` link asked for before the window existed (it was the launch argument).
let pendingUrl = linkedUrl(deepLinkIn(process.argv));

// Must happen before 'ready'.
registerAppScheme(protocol);

if (
  claimSingleInstance(
    app,
    () => [...windows][0],
    (argv) => openDeepLink(deepLinkIn(argv)),
  )
) {
  registerDeepLinks();
  app.on('web-contents-created', (_event, contents) =>
    guardNavigation(contents, (url) => shell.openExternal(url), log),
  );
  app.whenReady().then(start, (error: unknown) => fatal(error));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (windows.size === 0 && backend) openWindow();
  });
  app.on('before-quit', (event) => {
    if (quitting || !backend) return;
    // Stop sync, close the cache and stop the embedded PostgreSQL before the process goes away.
    event.preventDefault();
    quitting = true;
    const closing = backend;
    backend = undefined;
    closing
      .close()
      .catch((error: unknown) => log(`Backend did not close cleanly: ${String(error)}`))
      .finally(() => app.quit());
  });
}

async function start(): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}): run \`npm run build:renderer\`.`);
  }
  serveAppProtocol(protocol, rendererDir);
  applyContentSecurityPolicy(session.defaultSession);
  guardPermissions(session.defaultSession);
  Menu.setApplicationMenu(Menu.buildFromTemplate(createMenuTemplate(process.platform, app.isPackaged)));

  const dataDir = app.getPath('userData');
  const vault = createSafeStorageVault(safeStorage, dataDir, log);
  const created = await createBackend({
    dataDir,
    vault,
    log,
    // The packaged app has the RunAsNode fuse off (scripts/after-pack.mjs), so the bundled platform
    // runs in a utilityProcess; development does the same, so both take one path.
    ...(existsSync(platformBundle) ? { spawnPlatform: utilityPlatformSpawner(utilityProcess) } : {}),
    ...platformFromEnv(),
  });
  backend = created;
  routeIpc(ipcMain, created, (contents) => ourContents.has(contents as WebContents));
  forwardBackendEvents(created, () => [...ourContents]);
  openWindow();
}

function openWindow(): void {
  const window = new BrowserWindow(createWindowOptions(join(bundleDir, 'preload.cjs')));
  const contents = window.webContents;
  windows.add(window);
  ourContents.add(contents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    windows.delete(window);
    ourContents.delete(contents);
  });
  const url = pendingUrl ?? appEntryUrl;
  pendingUrl = undefined;
  window.loadURL(url).catch((error: unknown) => log(`Could not load ${url}: ${String(error)}`));
}

/**
 * Makes Pave the handler of `pave://` links. In development Electron runs as `electron <script>`,
 * so the OS must be told the script too.
 * @see https://www.electronjs.org/docs/latest/tutorial/launch-app-from-url-in-another-app
 */
function registerDeepLinks(): void {
  const registered =
    app.isPackaged || !process.argv[1]
      ? app.setAsDefaultProtocolClient(deepLinkScheme)
      : app.setAsDefaultProtocolClient(deepLinkScheme, process.execPath, [resolve(process.argv[1])]);
  if (!registered) log(`Could not register ${deepLinkScheme}:// links with the system.`);
  // macOS hands links over as an event, also before 'ready'.
  app.on('open-url', (event, link) => {
    event.preventDefault();
    openDeepLink(link);
  });
}

/** Shows the page a link names: in the open window, or in the first one when there is none yet. */
function openDeepLink(link: string | undefined): void {
  const url = linkedUrl(link);
  if (!url) return;
  const window = [...windows][0];
  if (!window) {
    pendingUrl = url;
    return;
  }
  // Only the hash differs from the loaded page: a same-document navigation, no reload.
  window.loadURL(url).catch((error: unknown) => log(`Could not open ${url}: ${String(error)}`));
}

function linkedUrl(link: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  const url = appUrlForDeepLink(link);
  if (!url) log(`Ignored a link Pave cannot open: ${link.slice(0, 200)}`);
  return url;
}

/** PAVE_PLATFORM_URL + PAVE_PLATFORM_TOKEN point the app at a real platform (as --platform does in browser mode). */
function platformFromEnv(): { platform?: { url: string; token: string } } {
  const url = process.env.PAVE_PLATFORM_URL;
  const token = process.env.PAVE_PLATFORM_TOKEN;
  return url && token ? { platform: { url, token } } : {};
}

function fatal(error: unknown): void {
  log(`Pave could not start: ${error instanceof Error ? error.message : String(error)}`);
  app.exit(1);
}
