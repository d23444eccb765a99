import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Sealed {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
}

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

/** AES-256-GCM with a fresh 96-bit IV per value; `aad` binds a ciphertext to its row. */
export function seal(key: Buffer, plaintext: string, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { ciphertext, iv, authTag: cipher.getAuthTag() };
}

export function unseal(key: Buffer, sealed: Sealed, aad: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.authTag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
}
