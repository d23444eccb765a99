/**
 * Counts of the trust suites (issue 13: "the probes become tests"). Each suite runs a bounded
 * number of trials in CI and `PAVE_SOAK=1` (npm run soak) multiplies them; every suite prints
 * what it did and how many failed, so a CI log shows the probing really happened.
 */
export const soak = process.env.PAVE_SOAK === '1';

/** `ci` trials normally, `soakCount` under npm run soak. */
export const trials = (ci: number, soakCount: number): number => (soak ? soakCount : ci);

export function report(suite: string, counts: Record<string, number>): void {
  const parts = Object.entries(counts).map(([k, v]) => `${k}=${v.toLocaleString('en-US')}`);
  // Printed on purpose: the counts are the suite's evidence (read by people, not by a parser).
  console.info(`[trust] ${suite}${soak ? ' (soak)' : ''}: ${parts.join(' ')}`);
}
