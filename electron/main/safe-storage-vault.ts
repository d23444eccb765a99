import type { TokenVault } from '../backend/host/backend-types';
import { createKeyFileVault } from '../backend/settings/key-file-vault';

/** The part of Electron's safeStorage this vault uses. */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Seals the platform token with the OS keychain (Keychain, DPAPI, libsecret/kwallet). Must be
 * called after app 'ready': before it, safeStorage reports no encryption on Linux.
 * Where no keychain exists, says so and falls back to the key-file vault browser mode uses.
 */
export function createSafeStorageVault(
  safeStorage: SafeStorage,
  dataDir: string,
  log: (line: string) => void,
  keyFileVault: (dataDir: string) => TokenVault = createKeyFileVault,
): TokenVault {
  if (!safeStorage.isEncryptionAvailable()) {
    log(
      'Warning: OS keychain encryption is not available; the platform token is sealed with a key file instead.',
    );
    return keyFileVault(dataDir);
  }
  // On Linux without a secret service Electron "encrypts" with a hard-coded password: not a keychain.
  if (selectedBackend(safeStorage) === 'basic_text') {
    log(
      'Warning: no secret service (libsecret/kwallet) found; the platform token is sealed with a key file instead.',
    );
    return keyFileVault(dataDir);
  }
  return {
    kind: 'os-keychain',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}

/** Linux-only API: absent or throwing elsewhere, which simply means a real keychain. */
function selectedBackend(safeStorage: SafeStorage): string | undefined {
  try {
    return safeStorage.getSelectedStorageBackend?.();
  } catch {
    return undefined;
  }
}
