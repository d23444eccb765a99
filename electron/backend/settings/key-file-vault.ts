import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, ensurePrivateFile } from '../cache/private-files';
import type { TokenVault } from '../host/backend-types';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function loadOrCreateKey(file: string): Buffer {
  try {
    const key = readFileSync(file);
    if (key.length !== KEY_BYTES)
      throw new Error(`${file} is not a ${KEY_BYTES}-byte key; delete it to create a new one`);
    // A key an older install left readable by others is tightened, not trusted as it was.
    ensurePrivateFile(file);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(KEY_BYTES);
  // 'wx': if another process created it meanwhile, fail rather than overwrite its key.
  writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

/**
 * Browser mode has no OS keychain: the token is sealed with AES-256-GCM under a random key in
 * DATADIR/vault.key (0600). That protects the token from casual copying of the settings, not from
 * someone with the user's file access — Electron passes safeStorage instead.
 * Sealed layout: iv (12) | auth tag (16) | ciphertext.
 */
export function createKeyFileVault(dataDir: string): TokenVault {
  ensurePrivateDir(dataDir);
  const key = loadOrCreateKey(join(dataDir, 'vault.key'));
  return {
    kind: 'key-file',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('sealed token is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
