import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../scripts/electron-runtime.mjs';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pave-electron-pkg-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An electron package folder whose dist/ binary is a shell script standing in for Electron. */
async function fakePackage(script: string | undefined) {
  await writeFile(join(dir, 'package.json'), '{"name":"electron"}');
  if (script === undefined) return;
  await writeFile(join(dir, 'path.txt'), 'electron');
  await mkdir(join(dir, 'dist'));
  await writeFile(join(dir, 'dist', 'electron'), `#!/bin/sh\n${script}\n`);
  await chmod(join(dir, 'dist', 'electron'), 0o755);
}

describe('findElectronRuntime', () => {
  it('reports the runtime missing on this machine, with the reason, without downloading it', () => {
    const runtime = findElectronRuntime();
    expect(runtime.available).toBe(false);
    if (!runtime.available)
      expect(runtime.reason).toMatch(/path\.txt is missing|does not exist|does not run/);
  });

  it('reports a package whose install script never ran', async () => {
    await fakePackage(undefined);
    expect(findElectronRuntime({ packageDir: dir, env: {} })).toEqual({
      available: false,
      reason: expect.stringContaining('path.txt is missing'),
    });
  });

  it('reports a binary that does not start', async () => {
    await fakePackage('echo "libnss3.so: cannot open shared object file" >&2; exit 127');
    const runtime = findElectronRuntime({ packageDir: dir, env: {} });
    expect(runtime).toEqual({ available: false, reason: expect.stringContaining('libnss3.so') });
  });

  it('finds a binary that runs, and its version', async () => {
    await fakePackage('echo 45.5.0');
    expect(findElectronRuntime({ packageDir: dir, env: {} })).toEqual({
      available: true,
      path: join(dir, 'dist', 'electron'),
      version: '45.5.0',
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron itself', async () => {
    await fakePackage('echo 45.5.0');
    const override = join(dir, 'dist');
    const runtime = findElectronRuntime({ packageDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: override } });
    expect(runtime).toMatchObject({ available: true, path: join(override, 'electron') });
  });
});
