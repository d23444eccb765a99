import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isProcessAlive } from './process-alive';

/**
 * One server per data directory: DIR/server.pid holds the owner's pid. A file whose process is
 * gone (the server was killed) is taken over; that also tells the embedded PostgreSQL start that
 * a still-running postmaster in DIR is an orphan it may stop.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, 'server.pid');
  const previous = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  if (
    Number.isSafeInteger(previous) &&
    previous > 0 &&
    previous !== process.pid &&
    isProcessAlive(previous)
  ) {
    const cmdline = await readFile(`/proc/${previous}/cmdline`, 'utf8').catch(() => 'node');
    if (/node|tsx|electron|pave/i.test(cmdline)) {
      throw new Error(`another Pave platform (pid ${previous}) is using ${dataDir}; stop it first`);
    }
  }
  await writeFile(file, `${process.pid}\n`);
  return async () => {
    const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (owner === process.pid) await unlink(file).catch(() => undefined);
  };
}
