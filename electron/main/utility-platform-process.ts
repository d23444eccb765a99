import { EventEmitter } from 'node:events';
import type { PlatformProcess, SpawnPlatform } from '../backend/embedded/embedded-platform';

/** The part of Electron's UtilityProcess this adapter uses. */
export interface UtilityChild {
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  kill(): boolean;
  once(event: 'exit', listener: (code: number) => void): unknown;
}

/** The part of Electron's `utilityProcess` module this adapter uses. */
export interface UtilityProcessModule {
  fork(
    modulePath: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv; stdio: 'pipe'; serviceName: string },
  ): UtilityChild;
}

/**
 * A folder inside app.asar exists only for Electron's patched fs: the OS cannot start a process
 * there. The folder holding the archive (the app's resources) is a real one.
 */
export function outsideAsar(dir: string): string {
  return /^(.*?)[\\/][^\\/]+\.asar(?:[\\/]|$)/.exec(dir)?.[1] ?? dir;
}

/**
 * Runs the embedded platform in an Electron utilityProcess: Node inside the app binary without
 * ELECTRON_RUN_AS_NODE, which the packaged app's RunAsNode fuse turns off (scripts/after-pack.mjs;
 * docs/architecture.md, "Runtimes"). Its parent is the main process, so the server's
 * --exit-with-parent check still sees it go.
 * @see https://www.electronjs.org/docs/latest/tutorial/fuses#runasnode
 * @see https://www.electronjs.org/docs/latest/api/utility-process
 */
export function utilityPlatformSpawner(
  utilityProcess: UtilityProcessModule,
  killPid: (pid: number, signal: NodeJS.Signals) => void = (pid, signal) => process.kill(pid, signal),
): SpawnPlatform {
  return (entry, args, { cwd, env }) => {
    if (/\.[cm]?ts$/.test(entry))
      throw new Error(`A utility process runs bundled JavaScript, not ${entry}: run npm run build:electron.`);
    const child = utilityProcess.fork(entry, args, {
      cwd: outsideAsar(cwd),
      env,
      stdio: 'pipe',
      serviceName: 'Pave platform',
    });
    const events = new EventEmitter();
    let exited = false;
    child.once('exit', (code) => {
      exited = true;
      events.emit('exit', code, null);
    });
    const adapted: PlatformProcess = {
      stdout: child.stdout,
      stderr: child.stderr,
      kill(signal) {
        if (exited) return false;
        // utilityProcess.kill() is SIGTERM on POSIX; a child that ignores it gets the real SIGKILL.
        if (signal === 'SIGKILL' && child.pid !== undefined) {
          killPid(child.pid, 'SIGKILL');
          return true;
        }
        return child.kill();
      },
      // Electron reports a crash as an exit too, so 'error' never fires here.
      once(event: 'exit' | 'error', listener: (...args: never[]) => void) {
        events.once(event, listener as (...args: unknown[]) => void);
        return adapted;
      },
    };
    return adapted;
  };
}
