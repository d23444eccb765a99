import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const codeCache = pathToFileURL(resolve('scripts/code-cache.mjs')).href;

/** A bundle that reports what CommonJS gave it. */
const bundle = (version: number) => `
  const { join } = require('node:path');
  process.stdout.write(JSON.stringify({ filename: __filename, joined: join('a', 'b'), version: ${version} }) + '\\n');
`;

/**
 * One launch in its own Node process, as start.mjs runs the host: in this process V8's in-memory
 * compilation cache would answer instead of the file. A 0 ms write is awaited before the exit.
 */
function launch(
  file: string,
  cache: string,
): { cacheUsed: boolean; ran: { filename: string; joined: string; version: number } } {
  const script = `
    import { runWithCodeCache } from ${JSON.stringify(codeCache)};
    const { cacheUsed } = runWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)}, { writeAfterMs: 0 });
    process.stdout.write(JSON.stringify({ cacheUsed }) + '\\n');
    if (!cacheUsed) setTimeout(() => undefined, 20);
  `;
  const [ran, result] = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    ...(result as { cacheUsed: boolean }),
    ran: ran as { filename: string; joined: string; version: number },
  };
}

describe('runWithCodeCache', () => {
  let dir: string;
  let file: string;
  let cache: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pave-code-cache-'));
    file = join(dir, 'bundle.cjs');
    cache = join(dir, 'bundle.cjs.v8-cache');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('runs the file as CommonJS and writes a cache the next launch uses', async () => {
    await writeFile(file, bundle(1));
    expect(launch(file, cache)).toEqual({
      cacheUsed: false,
      ran: { filename: file, joined: join('a', 'b'), version: 1 },
    });
    expect(launch(file, cache)).toMatchObject({ cacheUsed: true, ran: { version: 1 } });
  });

  it('compiles afresh and replaces the cache when the bundle changed, even to one of the same length', async () => {
    await writeFile(file, bundle(1));
    launch(file, cache);
    await writeFile(file, bundle(2));
    expect(launch(file, cache)).toMatchObject({ cacheUsed: false, ran: { version: 2 } });
    expect(launch(file, cache)).toMatchObject({ cacheUsed: true, ran: { version: 2 } });
  });

  it('ignores a damaged cache instead of failing the launch, and replaces it', async () => {
    await writeFile(file, bundle(3));
    await writeFile(cache, 'not a V8 code cache');
    expect(launch(file, cache)).toMatchObject({ cacheUsed: false, ran: { version: 3 } });
    // Made from this source, but not data V8 accepts.
    const hash = createHash('sha256')
      .update(await readFile(file))
      .digest();
    await writeFile(cache, Buffer.concat([hash, Buffer.from('damaged')]));
    expect(launch(file, cache)).toMatchObject({ cacheUsed: false, ran: { version: 3 } });
    expect(launch(file, cache)).toMatchObject({ cacheUsed: true, ran: { version: 3 } });
  });
});
