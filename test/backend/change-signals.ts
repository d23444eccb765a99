/**
 * What a test of a desktop client waits on: the client calls `notify` on every status or table
 * change, and `waitUntil(check)` re-checks then, resolving with the first value `check` returns.
 */
export function changeSignals() {
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const waitUntil = <T>(check: () => T | undefined | null | false): Promise<T> =>
    new Promise((resolve) => {
      const attempt = () => {
        const value = check();
        if (value === undefined || value === null || value === false) return;
        waiters.delete(attempt);
        resolve(value);
      };
      waiters.add(attempt);
      attempt();
    });
  return { notify, waitUntil };
}
