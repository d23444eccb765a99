import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  launchEmbeddedPlatform,
  type EmbeddedPlatform,
} from '../../electron/backend/embedded/embedded-platform';
import {
  outsideAsar,
  utilityPlatformSpawner,
  type UtilityProcessModule,
} from '../../electron/main/utility-platform-process';

/**
 * Packaged builds turn the RunAsNode fuse off (issue 13, finding 9), so the embedded platform runs
 * in an Electron utilityProcess. Without Electron here, `fork` is played by a real Node child with
 * utilityProcess's surface: exit with a code only, kill() meaning SIGTERM.
 */
const nodeAsUtilityProcess: UtilityProcessModule = {
  fork(modulePath, args, { cwd, env }) {
    const child = spawn(process.execPath, [modulePath, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return {
      pid: child.pid,
      stdout: child.stdout,
      stderr: child.stderr,
      kill: () => child.kill('SIGTERM'),
      once: (_event, listener) => child.once('exit', (code, signal) => listener(code ?? (signal ? 128 : 0))),
    };
  },
};

let dir: string;
let launched: EmbeddedPlatform | null;
const lines: string[] = [];
const script = (name: string, body: string) => {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
};
const platformScript = (onTerm: string) => `
  import { writeFileSync } from 'node:fs';
  const dataDir = process.argv[process.argv.indexOf('--data-dir') + 1];
  writeFileSync(dataDir + '/admin-token', 'tok-9\\n');
  console.error('args: ' + process.argv.slice(2).join(' '));
  console.error('run-as-node: ' + (process.env.ELECTRON_RUN_AS_NODE ?? 'unset'));
  process.on('SIGTERM', () => { ${onTerm} });
  console.log('Pave platform listening on http://127.0.0.1:4999');
  setInterval(() => {}, 1000);`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-utility-'));
  launched = null;
  lines.length = 0;
});
afterEach(async () => {
  await launched?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the embedded platform in a utility process', () => {
  it('starts, reports its URL and token, and stops on close without ELECTRON_RUN_AS_NODE', async () => {
    const entry = script('platform.mjs', platformScript('process.exit(0);'));
    launched = launchEmbeddedPlatform({
      dataDir: join(dir, 'platform'),
      entry,
      log: (line) => lines.push(line),
      spawn: utilityPlatformSpawner(nodeAsUtilityProcess),
    });
    await expect(launched.ready).resolves.toEqual({ url: 'http://127.0.0.1:4999', adminToken: 'tok-9' });
    expect(lines).toContain(
      `[platform] args: --data-dir ${join(dir, 'platform')} --port 0 --seed demo --exit-with-parent`,
    );
    expect(lines).toContain('[platform] run-as-node: unset');
    await launched.close();
    await expect(launched.exited).resolves.toBe('exit code 0');
  });

  it('kills a child that ignores SIGTERM with a real SIGKILL', async () => {
    const entry = script('stubborn.mjs', platformScript("console.error('ignoring SIGTERM');"));
    const killed: string[] = [];
    launched = launchEmbeddedPlatform({
      dataDir: join(dir, 'platform'),
      entry,
      log: (line) => lines.push(line),
      killAfterMs: 300,
      spawn: utilityPlatformSpawner(nodeAsUtilityProcess, (pid, signal) => {
        killed.push(signal);
        process.kill(pid, signal);
      }),
    });
    await launched.ready;
    await launched.close();
    expect(killed).toEqual(['SIGKILL']);
    await expect(launched.exited).resolves.toBe('exit code 128');
  });

  it('starts the packaged platform from a real folder, never from inside app.asar', () => {
    expect(outsideAsar('/opt/Pave/resources/app.asar/dist-electron')).toBe('/opt/Pave/resources');
    expect(outsideAsar('C:\\Pave\\resources\\app.asar\\dist-electron')).toBe('C:\\Pave\\resources');
    expect(outsideAsar('/opt/Pave/resources/app.asar')).toBe('/opt/Pave/resources');
    expect(outsideAsar('/work/main/dist-electron')).toBe('/work/main/dist-electron');
    expect(outsideAsar('/home/me/my.asarfiles/x')).toBe('/home/me/my.asarfiles/x');
  });

  it('refuses a TypeScript entry with the command that builds the bundle', () => {
    const spawnPlatform = utilityPlatformSpawner(nodeAsUtilityProcess);
    expect(() => spawnPlatform('server/cli.ts', [], { cwd: dir, env: {} })).toThrow(/npm run build:electron/);
  });
});
