// Runs a CommonJS bundle with V8's code cache, so a launch reuses the machine code of the last one
// instead of compiling the host's 1.5 MB again (issue 12, "Start in a second"). Node 22 has
// module.enableCompileCache() for this; Node 20, which Pave supports, does not: vm.Script's
// cachedData is the same V8 mechanism, by hand.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

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
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { cacheUsed };
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
