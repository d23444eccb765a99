// `npm start [-- ARGS]`: builds the renderer when stale, then launches Electron, or browser mode
// when the Electron runtime cannot be had (ARGS go to electron/web/cli.ts then). Browser mode runs
// the bundles of scripts/build-web.mjs with plain node, rebuilt only when a source changed: tsx
// compiling the host and the platform on every launch cost seconds (issue 12, "Start in a second").
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuilt, platformBundle, webHostBundle, webHostCodeCache } from './build-web.mjs';
import { runWithCodeCache } from './code-cache.mjs';
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
  const { buildElectron } = await import('./build-electron.mjs');
  await buildElectron();
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runForwardingSignals(runtime.path, [root, ...args], env);
} else {
  console.log(
    `Electron runtime not available here (${runtime.reason}); starting Pave in browser mode instead.`,
  );
  await ensureWebBuilt();
  // In this process, not a child: one Node start less. The host reads ARGS from process.argv and
  // handles its own signals; its default data dir is ./.pave-data in the repository root.
  process.chdir(root);
  process.env.PAVE_PLATFORM_ENTRY ??= platformBundle;
  // With V8's code cache of the last launch: ~200 of the ~720 ms of CPU the host spends before it
  // prints its URL are compiling its 1.5 MB (measured with 20,000 cached services).
  runWithCodeCache(webHostBundle, webHostCodeCache);
}
