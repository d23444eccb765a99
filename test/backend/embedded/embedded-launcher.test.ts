import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  launchEmbeddedPlatform,
  type EmbeddedPlatform,
} from '../../../electron/backend/embedded/embedded-platform';

/**
 * The launcher's own contract (arguments, readiness, errors, shutdown), isolated from the real
 * server with tiny scripts; embedded-backend.test.ts runs the real one.
 */
let dir: string;
let launched: EmbeddedPlatform | null;
const lines: string[] = [];

function script(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}

const dataDirArg = `const dataDir = process.argv[process.argv.indexOf('--data-dir') + 1];`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-launcher-'));
  launched = null;
  lines.length = 0;
});
afterEach(async () => {
  await launched?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded platform launcher', () => {
  it('passes the agreed flags, reads the URL and the admin token', async () => {
    const entry = script(
      'ok.mjs',
      `import { writeFileSync } from 'node:fs';
       ${dataDirArg}
       writeFileSync(dataDir + '/admin-token', 'tok-123\\n', { mode: 0o600 });
       console.error('args: ' + process.argv.slice(2).join(' '));
       console.log('Pave platform listening on http://127.0.0.1:4321');
       setInterval(() => {}, 1000);`,
    );
    launched = launchEmbeddedPlatform({ dataDir: join(dir, 'platform'), entry, log: (l) => lines.push(l) });
    await expect(launched.ready).resolves.toEqual({ url: 'http://127.0.0.1:4321', adminToken: 'tok-123' });
    expect(lines).toContain(
      `[platform] args: --data-dir ${join(dir, 'platform')} --port 0 --seed demo --exit-with-parent`,
    );
    await launched.close();
    await expect(launched.exited).resolves.toBe('signal SIGTERM');
  });

  it('reports an early exit with the last stderr lines', async () => {
    const entry = script('crash.mjs', `console.error('FATAL: cannot create the database'); process.exit(3);`);
    launched = launchEmbeddedPlatform({ dataDir: join(dir, 'platform'), entry, log: (l) => lines.push(l) });
    const err = await launched.ready.then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/exited before it was ready \(code 3\)/);
    expect(err?.message).toContain('FATAL: cannot create the database');
  });

  it('gives up after the start timeout and kills the child', async () => {
    const entry = script('slow.mjs', `console.error('still initializing'); setInterval(() => {}, 1000);`);
    launched = launchEmbeddedPlatform({
      dataDir: join(dir, 'platform'),
      entry,
      log: (l) => lines.push(l),
      startTimeoutMs: 500,
    });
    await expect(launched.ready).rejects.toThrow(/did not start within 0.5 s\nstill initializing/);
    await expect(launched.exited).resolves.toBe('signal SIGTERM');
  });

  it('escalates to SIGKILL when the child ignores SIGTERM', async () => {
    const entry = script(
      'stubborn.mjs',
      `import { writeFileSync } from 'node:fs';
       ${dataDirArg}
       process.on('SIGTERM', () => console.error('ignoring SIGTERM'));
       writeFileSync(dataDir + '/admin-token', 't');
       console.log('listening on http://127.0.0.1:1');
       setInterval(() => {}, 1000);`,
    );
    launched = launchEmbeddedPlatform({
      dataDir: join(dir, 'platform'),
      entry,
      log: (l) => lines.push(l),
      killAfterMs: 300,
    });
    await launched.ready;
    await launched.close();
    await expect(launched.exited).resolves.toBe('signal SIGKILL');
  });
});
