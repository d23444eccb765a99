// `npm start [-- ARGS]`: builds the renderer when stale, then launches Electron, or browser mode
// when the Electron runtime cannot be had (ARGS go to electron/web/cli.ts then).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { findElectronRuntime } from './electron-runtime.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

/** Newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function ensureRendererBuilt() {
  const built = join(root, 'dist', 'renderer', 'index.html');
  const sources = ['renderer', 'shared', 'vite.config.ts'].map((path) => newestMtime(join(root, path)));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
  console.log('Building the renderer (dist/renderer is missing or older than its sources)…');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    console.error('The renderer build failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}

/** Runs a child with our stdio, passes on Ctrl-C / SIGTERM, and exits with its code. */
function runForwardingSignals(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
}

ensureRendererBuilt();
const runtime = findElectronRuntime();
if (runtime.available) {
  await buildElectron();
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runForwardingSignals(runtime.path, [root, ...args], env);
} else {
  console.log(
    `Electron runtime not available here (${runtime.reason}); starting Pave in browser mode instead.`,
  );
  // The child runs in the repository root, so its default data dir is ./.pave-data there.
  runForwardingSignals(process.execPath, [
    '--import',
    'tsx',
    join(root, 'electron', 'web', 'cli.ts'),
    ...args,
  ]);
}
