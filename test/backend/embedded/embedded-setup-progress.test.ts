import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  launchEmbeddedPlatform,
  type EmbeddedPlatform,
} from '../../../electron/backend/embedded/embedded-platform';
import {
  formatSetupLine,
  idleSetup,
  parseSetupLine,
  type PlatformSetup,
} from '../../../shared/ipc/platform-setup';

/**
 * The platform's setup progress as the launcher relays it (the path to the renderer's progress
 * view): the real line format, from tiny stand-in platforms; embedded-backend.test.ts runs the
 * real server.
 */
let dir: string;
let launched: EmbeddedPlatform | null;

function script(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}

/** A platform script that prints these setup events, then `after`. */
function platformPrinting(events: PlatformSetup[], after: string): string {
  const lines = events.map((event) => `console.log(${JSON.stringify(formatSetupLine(event))});`).join('\n');
  return script(
    'platform.mjs',
    `import { writeFileSync } from 'node:fs';
     const dataDir = process.argv[process.argv.indexOf('--data-dir') + 1];
     ${lines}
     ${after}`,
  );
}

const step = (partial: Partial<PlatformSetup> & Pick<PlatformSetup, 'step'>): PlatformSetup => ({
  ...idleSetup,
  ...partial,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-setup-'));
  launched = null;
});
afterEach(async () => {
  await launched?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('setup progress from the embedded platform', () => {
  it('relays each step in order, then ready once the platform listens', async () => {
    const steps = [
      step({ step: 'database', detail: 'copying the prepared database' }),
      step({ step: 'migrations', done: 0, total: 2 }),
      step({ step: 'migrations', done: 2, total: 2 }),
      step({ step: 'seeding', done: 0, total: 3, detail: 'teams and people' }),
      step({ step: 'starting' }),
    ];
    const entry = platformPrinting(
      steps,
      `writeFileSync(dataDir + '/admin-token', 'tok');
       console.log('Pave platform listening on http://127.0.0.1:4321');
       setInterval(() => {}, 1000);`,
    );
    const seen: PlatformSetup[] = [];
    launched = launchEmbeddedPlatform({
      dataDir: join(dir, 'platform'),
      entry,
      log: () => undefined,
      onSetup: (setup) => seen.push(setup),
    });
    await launched.ready;
    expect(seen).toEqual([...steps, step({ step: 'ready' })]);
  });

  it("reports a failed setup with the platform's own reason", async () => {
    const entry = platformPrinting(
      [
        step({ step: 'migrations', done: 0, total: 1 }),
        step({
          step: 'failed',
          error: { code: 'platform_setup_failed', message: 'migration 001_x failed: syntax error' },
        }),
      ],
      `console.error('Pave platform failed to start'); process.exit(1);`,
    );
    const seen: PlatformSetup[] = [];
    launched = launchEmbeddedPlatform({
      dataDir: join(dir, 'platform'),
      entry,
      log: () => undefined,
      onSetup: (setup) => seen.push(setup),
    });
    await expect(launched.ready).rejects.toThrow(/exited before it was ready/);
    expect(seen.map((setup) => setup.step)).toEqual(['migrations', 'failed']);
    expect(seen.at(-1)?.error).toEqual({
      code: 'embedded_platform_failed',
      message: 'migration 001_x failed: syntax error',
    });
  });

  it('reports a platform that dies without a word as failed, with how it ended', async () => {
    const entry = script('crash.mjs', 'process.exit(4);');
    const seen: PlatformSetup[] = [];
    launched = launchEmbeddedPlatform({
      dataDir: join(dir, 'platform'),
      entry,
      log: () => undefined,
      onSetup: (setup) => seen.push(setup),
    });
    await expect(launched.ready).rejects.toThrow();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.step).toBe('failed');
    expect(seen[0]?.error?.message).toMatch(/exited before it was ready \(code 4\)/);
  });

  it('reads only well-formed setup lines', () => {
    const line = formatSetupLine(step({ step: 'seeding', done: 1, total: 6, detail: 'catalog' }));
    expect(parseSetupLine(line)).toEqual(step({ step: 'seeding', done: 1, total: 6, detail: 'catalog' }));
    expect(parseSetupLine('Pave platform listening on http://127.0.0.1:1')).toBeNull();
    expect(parseSetupLine('pave-setup {not json')).toBeNull();
    expect(parseSetupLine('pave-setup {"step":"dancing"}')).toBeNull();
  });
});
