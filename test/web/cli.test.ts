import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { send } from './http-request';

/** `npm run web` as a process: its one printed line, its flags, and a clean exit on SIGTERM. */

const root = new URL('../../', import.meta.url).pathname;
let platform: TestPlatform;
let dir: string;
let rendererDir: string;
let tokenFile: string;

function runCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/web/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, PAVE_RENDERER_DIR: rendererDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  const line = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    void exit.then((code) => reject(new Error(`exited with ${code} before printing its URL:\n${stderr}`)));
  });
  // Tests of failing launches never await the line; its rejection is expected there.
  line.catch(() => undefined);
  return { child, line, exit, stdout: () => stdout, stderr: () => stderr };
}

beforeAll(async () => {
  platform = await startTestPlatform({ seed: 'demo' });
  dir = await mkdtemp(join(tmpdir(), 'pave-web-cli-'));
  rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Pave</title>');
  tokenFile = join(dir, 'token');
  await writeFile(tokenFile, `${platform.adminToken}\n`);
});

afterAll(async () => {
  await platform?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('electron/web/cli.ts', () => {
  it('prints exactly one URL line, serves the backend, and exits 0 on SIGTERM', async () => {
    const cli = runCli([
      '--data-dir',
      join(dir, 'data'),
      '--port',
      '0',
      '--platform',
      platform.url,
      '--token-file',
      tokenFile,
    ]);
    const url = await cli.line;
    expect(cli.stdout()).toBe(`Pave (browser mode) at ${url}\n`);
    const token = new URL(url).searchParams.get('token') ?? '';
    const status = await send(url.replace(/\/\?token=.*/, '/ipc/sync:status'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { state: expect.any(String) } });

    cli.child.kill('SIGTERM');
    expect(await cli.exit).toBe(0);
  });

  it("reuses the data dir's last port when no --port is given (Chromium's cache is per origin)", async () => {
    const dataDir = join(dir, 'same-port');
    const args = ['--data-dir', dataDir, '--platform', platform.url, '--token-file', tokenFile];
    const first = runCli(args);
    const firstPort = new URL(await first.line).port;
    // The port is written once the backend is open; a call through it proves that.
    const token = new URL(await first.line).searchParams.get('token') ?? '';
    await send(`http://127.0.0.1:${firstPort}/ipc/sync:status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect((await readFile(join(dataDir, 'web-port'), 'utf8')).trim()).toBe(firstPort);

    const second = runCli(args);
    expect(new URL(await second.line).port).toBe(firstPort);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });

  it('fails with a clear message when the renderer is not built', async () => {
    const cli = runCli(['--data-dir', join(dir, 'data2')], { PAVE_RENDERER_DIR: join(dir, 'nowhere') });
    expect(await cli.exit).toBe(1);
    expect(cli.stderr()).toContain('npm run build:renderer');
  });

  it('refuses bad flags with the usage', async () => {
    const unpaired = runCli(['--platform', 'http://127.0.0.1:1']);
    expect(await unpaired.exit).toBe(1);
    expect(unpaired.stderr()).toContain('--platform and --token-file go together');
    const badPort = runCli(['--port', 'eighty']);
    expect(await badPort.exit).toBe(1);
    expect(badPort.stderr()).toContain('Usage: npm run web');
    const missingToken = runCli(['--platform', platform.url, '--token-file', join(dir, 'missing')]);
    expect(await missingToken.exit).toBe(1);
    expect(missingToken.stderr()).toContain('Cannot read the token file');
  });
});
