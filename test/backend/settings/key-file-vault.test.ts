import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFileVault } from '../../../electron/backend/settings/key-file-vault';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pave-vault-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('key-file vault', () => {
  it('seals with a 0600 random key and opens again after a restart', () => {
    const sealed = createKeyFileVault(dir).encrypt('pave_secret_token_123');
    expect(sealed.toString('utf8')).not.toContain('pave_secret');
    expect(statSync(join(dir, 'vault.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'vault.key'))).toHaveLength(32);
    expect(createKeyFileVault(dir).decrypt(sealed)).toBe('pave_secret_token_123');
  });

  it('refuses tampered or foreign ciphertext', () => {
    const vault = createKeyFileVault(dir);
    const sealed = vault.encrypt('token');
    sealed[sealed.length - 1]! ^= 1;
    expect(() => vault.decrypt(sealed)).toThrow();
    const other = createKeyFileVault(mkdtempSync(join(tmpdir(), 'pave-vault-other-')));
    expect(() => other.decrypt(vault.encrypt('token'))).toThrow();
  });
});
