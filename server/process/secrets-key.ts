import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const KEY_BYTES = 32;

/** `PAVE_SECRETS_KEY`: 32 bytes as 64 hex chars or base64. */
export function parseSecretsKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) throw new Error('the secrets key must be 32 bytes (64 hex chars or base64)');
  return key;
}

/**
 * The key from PAVE_SECRETS_KEY, else `<dataDir>/secrets.key` (created once, mode 0600). The key
 * never enters PostgreSQL, so a database dump alone reveals no secret value.
 */
export async function loadSecretsKey(dataDir: string | null): Promise<Buffer> {
  const fromEnv = process.env.PAVE_SECRETS_KEY;
  if (fromEnv) return parseSecretsKey(fromEnv);
  if (!dataDir) throw new Error('set PAVE_SECRETS_KEY or give the platform a data directory');
  const file = path.join(dataDir, 'secrets.key');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim()) return parseSecretsKey(existing);
  const key = randomBytes(KEY_BYTES);
  // 'wx': two processes starting together must not each write their own key.
  await writeFile(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' }).catch(
    async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    },
  );
  return parseSecretsKey(await readFile(file, 'utf8'));
}
