import type { IpcEvent, IpcEventPayload } from '../../../shared/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import type { SpawnPlatform } from '../embedded/embedded-platform';

/**
 * What the desktop backend offers to its two hosts: Electron main (IPC) and electron/web
 * (browser mode). Both call `dispatch` with the raw, untrusted command name and input; the
 * backend validates them against shared/ipc and never throws across this line.
 */
export interface Backend {
  dispatch(command: string, input: unknown): Promise<IpcResult<unknown>>;
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
  /** Stops sync, the embedded platform (if started) and closes the cache. */
  close(): Promise<void>;
}

/** Seals the platform token at rest: Electron passes safeStorage, browser mode a key file. */
export interface TokenVault {
  readonly kind: 'os-keychain' | 'key-file';
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export interface BackendOptions {
  /** App data directory: cache.db, settings, the embedded platform's data. */
  dataDir: string;
  /** A platform given on the command line wins over saved settings and the embedded default. */
  platform?: { url: string; token: string };
  vault: TokenVault;
  log?: (line: string) => void;
  /** How the embedded platform is started; Electron main passes a utilityProcess (RunAsNode fuse off). */
  spawnPlatform?: SpawnPlatform;
}
