import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Memory figures from /proc (Linux): RSS for one process, PSS for a process tree. PostgreSQL's
 * backends share most of their pages (shared buffers, the binary), so their RSS summed counts
 * the same memory many times; PSS divides each shared page among the processes that map it.
 */

const kib = (text: string, field: string): number => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) * 1024 : 0;
};

const read = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** Resident set size in bytes (0 when the process is gone). */
export const rssOf = (pid: number): number => kib(read(`/proc/${pid}/status`), 'VmRSS');

/** Proportional set size in bytes, summed over `pids`. */
export const pssOf = (pids: readonly number[]): number =>
  pids.reduce((sum, pid) => sum + kib(read(`/proc/${pid}/smaps_rollup`), 'Pss'), 0);

/** `pid` and every process below it. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // The command name may hold spaces and parentheses: the fields after its last ')' are fixed.
    const stat = read(`/proc/${entry}/stat`);
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  for (const queue = [pid]; queue.length;) {
    const next = queue.shift() as number;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

/** The postmaster of a PostgreSQL data directory (from postmaster.pid) and its backends. */
export function postgresTree(databaseDir: string): number[] {
  const postmaster = Number(read(join(databaseDir, 'postmaster.pid')).split('\n')[0]);
  return Number.isSafeInteger(postmaster) && postmaster > 0 ? processTree(postmaster) : [];
}
