/**
 * When a crashed service process is started again: 1 s, 2 s, 4 s … doubling up to a cap, so a
 * version that crashes at once does not spin, and back to the first step once a run lasted
 * `stableMs` (it crashed for a new reason, not the same one again).
 */
export interface RestartPolicy {
  initialMs: number;
  maxMs: number;
  stableMs: number;
}

export const defaultRestartPolicy: RestartPolicy = { initialMs: 1000, maxMs: 60_000, stableMs: 60_000 };

/**
 * The delay before restart number `attempt + 1` of a run of crashes (attempt 0 = first crash),
 * given how long the process that just exited had been running.
 */
export function restartDelay(
  policy: RestartPolicy,
  attempt: number,
  uptimeMs: number,
): { delayMs: number; attempt: number } {
  const next = uptimeMs >= policy.stableMs ? 0 : attempt;
  return { delayMs: Math.min(policy.maxMs, policy.initialMs * 2 ** next), attempt: next + 1 };
}
