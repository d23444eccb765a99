import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Pool } from 'pg';
import { findPrincipal, issueToken } from './tokens';

/**
 * Keeps DIR/admin-token valid: an existing file whose token still authenticates as `userId` is
 * kept (the desktop app may have it saved), otherwise a new token is issued and written 0600.
 */
export async function ensureAdminTokenFile(pool: Pool, file: string, userId: string): Promise<string> {
  const existing = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => null,
  );
  if (existing) {
    const principal = await findPrincipal(pool, existing);
    if (principal?.userId === userId) return existing;
  }
  const token = await issueToken(pool, userId, 'embedded admin');
  // Write then rename, so a reader never sees a half-written token file.
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${token}\n`, { mode: 0o600 });
  await rename(temporary, file);
  return token;
}
