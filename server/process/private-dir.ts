import { chmod, mkdir, stat } from 'node:fs/promises';

/**
 * Creates the platform's data directory owner-only (0700), tightening one an older install left
 * looser: it holds the secrets key, the admin token, the embedded PostgreSQL, service logs,
 * artifacts and repositories, and nothing under it is for other local users.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (((await stat(dir)).mode & 0o777) !== 0o700) await chmod(dir, 0o700);
}
