import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ensurePrivateDir } from '../../../server/process/private-dir';

// Issue 13, finding 8: the platform's data dir (secrets key, admin token, service logs,
// artifacts, repositories) is owner-only, also when an older install left it 0755.
let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pave-private-dir-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const modeOf = async (dir: string) => (await stat(dir)).mode & 0o777;

it('creates the data dir 0700 and tightens one left 0755', async () => {
  const fresh = path.join(root, 'new', 'platform');
  await ensurePrivateDir(fresh);
  expect(await modeOf(fresh)).toBe(0o700);

  const old = path.join(root, 'old');
  await mkdir(old);
  await chmod(old, 0o755);
  await ensurePrivateDir(old);
  expect(await modeOf(old)).toBe(0o700);
});
