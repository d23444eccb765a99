import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The port browser mode last listened on for a data dir. Chromium keys its HTTP cache and V8's
 * code cache by origin, and the origin includes the port: a new random port on every launch meant
 * a page that never found its scripts cached. Electron keeps the same cache in its userData across
 * launches; one port per data dir gives browser mode the same (issue 12, "Start in a second").
 * Never a fixed global port: two data dirs, or another app, may run side by side.
 */
const fileName = 'web-port';

/** The remembered port, or undefined when there is none or the file holds anything else. */
export function readRememberedPort(dataDir: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, fileName), 'utf8').trim();
  } catch {
    return undefined;
  }
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1024 && port <= 65535 ? port : undefined;
}

export function rememberPort(dataDir: string, port: number): void {
  writeFileSync(join(dataDir, fileName), `${port}\n`, { mode: 0o600 });
}
