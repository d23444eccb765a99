import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

/** Owner-only modes: the cache holds the user's data and offline work, the data dir its token key. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and missing parents) owner-only, and tightens it if an older install left it
 * looser: mkdir's mode only applies to folders it creates, and the umask may widen nothing but can
 * leave 0755 behind from before (docs/architecture.md, "Core").
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

/**
 * Makes `file` owner-only, creating it empty when `create` is set (so SQLite, which gives its
 * -wal and -shm files the database file's mode, never creates them readable by others).
 */
export function ensurePrivateFile(file: string, opts: { create?: boolean } = {}): void {
  if (opts.create) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  tighten(file, PRIVATE_FILE_MODE);
}

/** chmod only when the mode differs; a missing path is not an error (nothing to protect). */
function tighten(path: string, mode: number): void {
  let current: number;
  try {
    current = statSync(path).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (current !== mode) chmodSync(path, mode);
}
