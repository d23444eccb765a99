export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** Injectable for tests; Math.random otherwise. */
  random?: () => number;
}

export const defaultBackoff: BackoffOptions = { initialMs: 1_000, maxMs: 30_000 };

/**
 * Exponential backoff with jitter: the ceiling doubles per failed attempt (1 s, 2 s, 4 s … capped
 * at 30 s) and the delay is drawn from the top quarter below it, so clients that lost the
 * platform together do not all come back in the same second.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const ceiling = Math.min(opts.maxMs, opts.initialMs * 2 ** Math.min(attempt, 30));
  const random = (opts.random ?? Math.random)();
  return Math.round(ceiling * (0.75 + 0.25 * random));
}
