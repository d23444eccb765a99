import type { Backend } from '../../electron/backend/backend-types';
import type { IpcCommand, IpcInput, IpcOutput, SyncStatus } from '../../shared/ipc/contract';

/** Calls a command and unwraps its result; a failed call fails the test with its code. */
export async function invoke<C extends IpcCommand>(
  backend: Backend,
  command: C,
  input: IpcInput<C>,
): Promise<IpcOutput<C>> {
  const res = await backend.dispatch(command, input);
  if (!res.ok) throw new Error(`${command} failed: ${res.error.code}: ${res.error.message}`);
  return res.value as IpcOutput<C>;
}

/** Resolves with the first status (current or emitted later) that satisfies `predicate`. */
export function waitForStatus(backend: Backend, predicate: (s: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (s: SyncStatus) => {
      if (done || !predicate(s)) return;
      done = true;
      off();
      resolve(s);
    };
    const off = backend.on('sync:status', finish);
    void invoke(backend, 'sync:status', {}).then(finish, () => {});
  });
}

/**
 * Re-evaluates `check` now and after every `tables:changed` event until it returns a value:
 * the test waits for the cache to reflect what it expects, never for a fixed time.
 */
export function waitForCache<T>(backend: Backend, check: () => Promise<T | undefined>): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    let running = Promise.resolve();
    const attempt = () => {
      running = running.then(async () => {
        if (done) return;
        try {
          const value = await check();
          if (value === undefined || done) return;
          done = true;
          off();
          resolve(value);
        } catch (err) {
          done = true;
          off();
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    };
    const off = backend.on('tables:changed', attempt);
    attempt();
  });
}
