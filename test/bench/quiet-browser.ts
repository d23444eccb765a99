import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * CPU time (clock ticks) of every Chromium process started on the profile `profileDir`: Chromium
 * passes --user-data-dir to all of its processes (the crash handler aside).
 */
function chromiumTicks(profileDir: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${profileDir}`)) continue;
      // The fields after the command name, which is in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks;
}

/**
 * Resolves once the Chromium on `profileDir` has been idle (under ~10 % of a core) for two windows
 * in a row, or after `maxMs`. A start is timed from a browser at rest: a person's browser is
 * already open when they open Pave's URL, and Electron has no browser UI of its own, while
 * Chromium 156 spends ~0.5 s of CPU building its omnibox popup (a WebUI page) after it starts,
 * which would otherwise fall into the measured launch.
 */
export async function chromiumAtRest(profileDir: string, maxMs = 15_000): Promise<void> {
  const windowMs = 250;
  // Linux counts CPU time in 1/100 s: 2 ticks per 250 ms is at most 8 % of a core.
  const busyTicks = 2;
  const until = performance.now() + maxMs;
  let quietWindows = 0;
  let before = chromiumTicks(profileDir);
  while (quietWindows < 2 && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = chromiumTicks(profileDir);
    quietWindows = now - before <= busyTicks ? quietWindows + 1 : 0;
    before = now;
  }
}
