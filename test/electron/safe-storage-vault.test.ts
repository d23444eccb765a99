import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageVault, type SafeStorage } from '../../electron/main/safe-storage-vault';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pave-vault-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Stands in for Electron's safeStorage with a reversible transform, to see which vault is used. */
function fakeSafeStorage(available: boolean, backend?: string): SafeStorage {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`sealed:${plain}`),
    decryptString: (sealed) => sealed.toString().replace(/^sealed:/, ''),
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

describe('createSafeStorageVault', () => {
  it('uses the OS keychain when encryption is available', () => {
    const log = vi.fn();
    const vault = createSafeStorageVault(fakeSafeStorage(true, 'gnome_libsecret'), dataDir, log);
    expect(vault.kind).toBe('os-keychain');
    const sealed = vault.encrypt('pat_123');
    expect(sealed.toString()).toBe('sealed:pat_123');
    expect(vault.decrypt(sealed)).toBe('pat_123');
    expect(log).not.toHaveBeenCalled();
  });

  it('falls back to the real key-file vault with a warning when encryption is unavailable', () => {
    const log = vi.fn();
    const vault = createSafeStorageVault(fakeSafeStorage(false), dataDir, log);
    expect(vault.kind).toBe('key-file');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('not available'));
    const sealed = vault.encrypt('pat_secret_token');
    expect(sealed.toString()).not.toContain('pat_secret_token');
    expect(vault.decrypt(sealed)).toBe('pat_secret_token');
  });

  it("does not count Linux's basic_text backend as a keychain", () => {
    const log = vi.fn();
    const vault = createSafeStorageVault(fakeSafeStorage(true, 'basic_text'), dataDir, log);
    expect(vault.kind).toBe('key-file');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('secret service'));
  });
});
