// Finds a runnable Electron binary without triggering a download. `require('electron')` is not used:
// when the binary is missing, electron's index.js tries to download it, which cannot work here.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @param {{ packageDir?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {{ available: true, path: string, version: string } | { available: false, reason: string }}
 */
export function findElectronRuntime(options = {}) {
  const env = options.env ?? process.env;
  let packageDir = options.packageDir;
  if (packageDir === undefined) {
    try {
      packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    } catch {
      return { available: false, reason: 'the electron package is not installed' };
    }
  }

  // The same lookup as electron's own index.js: path.txt names the binary inside dist/.
  const pathFile = join(packageDir, 'path.txt');
  const relativeBinary = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  let binary;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, relativeBinary ?? 'electron');
  } else if (relativeBinary === undefined) {
    return {
      available: false,
      reason:
        "its binary was never downloaded: node_modules/electron/path.txt is missing because electron's install script did not run",
    };
  } else {
    binary = join(packageDir, 'dist', relativeBinary);
  }
  if (!existsSync(binary)) return { available: false, reason: `the binary ${binary} does not exist` };

  // Run it as plain Node: proves the binary starts on this machine without needing a display.
  const probe = spawnSync(binary, ['-p', 'process.versions.electron'], {
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (probe.error) return { available: false, reason: `${binary} does not run: ${probe.error.message}` };
  if (probe.status !== 0) {
    const detail = (probe.stderr || probe.stdout || '').trim().split('\n')[0] ?? '';
    return {
      available: false,
      reason: `${binary} exited with ${probe.status}${detail ? `: ${detail}` : ''}`,
    };
  }
  return { available: true, path: binary, version: probe.stdout.trim() };
}
