import { describe, expect, it, vi } from 'vitest';
import {
  claimSingleInstance,
  type FocusableWindow,
  type SingleInstanceApp,
} from '../../electron/main/single-instance';

function fakeApp(gotLock: boolean) {
  let secondInstance: ((event: unknown, argv: string[]) => void) | undefined;
  const app: SingleInstanceApp = {
    requestSingleInstanceLock: () => gotLock,
    quit: vi.fn(),
    on: (_event, listener) => (secondInstance = listener),
  };
  return { app, launchAgain: (argv: string[] = []) => secondInstance?.({}, argv) };
}

function fakeWindow(minimized: boolean): FocusableWindow {
  return { isMinimized: () => minimized, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
}

describe('claimSingleInstance', () => {
  it('quits the second instance', () => {
    const { app } = fakeApp(false);
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('keeps the first instance and focuses its window when launched again', () => {
    const { app, launchAgain } = fakeApp(true);
    const window = fakeWindow(true);
    expect(claimSingleInstance(app, () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    launchAgain();
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('does not restore a window that is not minimized, and copes with no window yet', () => {
    const { app, launchAgain } = fakeApp(true);
    const window = fakeWindow(false);
    let current: FocusableWindow | undefined = undefined;
    claimSingleInstance(app, () => current);
    launchAgain();
    current = window;
    launchAgain();
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it("hands the second launch's arguments over (a pave:// link opened while Pave runs)", () => {
    const { app, launchAgain } = fakeApp(true);
    const handed: (readonly string[])[] = [];
    claimSingleInstance(
      app,
      () => fakeWindow(false),
      (argv) => handed.push(argv),
    );
    launchAgain(['/opt/Pave/pave', 'pave://catalog?q=pay']);
    expect(handed).toEqual([['/opt/Pave/pave', 'pave://catalog?q=pay']]);
  });
});
