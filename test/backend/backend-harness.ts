import { createBackend } from '../../electron/backend/create-backend';
import type { Backend } from '../../electron/backend/host/backend-types';
import { createKeyFileVault } from '../../electron/backend/settings/key-file-vault';
import type { IpcCommand, IpcInput, IpcOutput } from '../../shared/contract';
import type { SyncStatus } from '../../shared/ipc/contract';

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
export function waitForCache<T>(
  backend: Backend,
  check: () => Promise<T | undefined>,
  logLines: string[] = [],
): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    let running = Promise.resolve();
    // A platform that cannot start never changes the cache again: fail now, not at the timeout.
    const offStatus = backend.on('sync:status', (s) => {
      if (done || s.lastError?.code !== 'embedded_platform_failed') return;
      done = true;
      off();
      reject(new Error(`${s.lastError.message}\n--- log tail ---\n${logLines.slice(-30).join('\n')}`));
    });
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
    const offTables = backend.on('tables:changed', attempt);
    const off = () => {
      offTables();
      offStatus();
    };
    attempt();
  });
}

/**
 * Waits for 'online'; fails at once (with the log tail) if the embedded platform could not
 * start, since that state is final and would otherwise only show up as a test timeout.
 */
export async function waitForOnline(backend: Backend, logLines: string[] = []): Promise<SyncStatus> {
  const s = await waitForStatus(
    backend,
    (st) => st.state === 'online' || st.lastError?.code === 'embedded_platform_failed',
  );
  if (s.state !== 'online') {
    throw new Error(
      `${s.lastError?.message ?? 'not online'}\n--- log tail ---\n${logLines.slice(-30).join('\n')}`,
    );
  }
  return s;
}

/**
 * A desktop backend as the app creates it, connected to `platform` as its admin, retrying fast and
 * never pulling on a timer (tests wait for what they cause). Its log lines go to `logLines`.
 */
export function createAdminBackend(
  dataDir: string,
  platform: { url: string; adminToken: string },
  logLines: string[],
): Promise<Backend> {
  return createBackend(
    {
      dataDir,
      platform: { url: platform.url, token: platform.adminToken },
      vault: createKeyFileVault(dataDir),
      log: (line) => logLines.push(line),
    },
    { sync: { backoff: { initialMs: 20, maxMs: 200, random: () => 1 }, periodicPullMs: 600_000 } },
  );
}
