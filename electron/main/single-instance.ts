/** The parts of Electron's App and BrowserWindow this guard uses. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
}
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * Two instances would fight over one cache database and one embedded PostgreSQL data directory;
 * the second launch focuses the first window, hands it its arguments (a `pave://` link opened
 * while the app runs arrives this way on Windows and Linux) and quits. Returns false in the
 * instance that must quit.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  mainWindow: () => FocusableWindow | undefined,
  onArguments: (argv: readonly string[]) => void = () => {},
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => {
    onArguments(argv);
    const window = mainWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
