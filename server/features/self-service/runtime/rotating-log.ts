import { createWriteStream, openSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** Service output kept per service+environment: the live file and `files` rotated ones. */
export interface LogRotation {
  maxBytes: number;
  files: number;
}

export const defaultLogRotation: LogRotation = { maxBytes: 10 * 1024 * 1024, files: 3 };

/** `file`, then `file.1` (the newest rotated) … `file.N` (the oldest kept). */
export const rotatedName = (file: string, n: number) => (n === 0 ? file : `${file}.${n}`);

/**
 * An append-only log file rotated by size: when a line would take the live file past maxBytes,
 * file.N-1 → file.N … file → file.1 and a new file starts. Lines are never split across files.
 * Files are created 0600: service output may carry what a secret scan missed.
 */
export class RotatingLog {
  private stream: WriteStream;
  private size: number;

  constructor(
    readonly file: string,
    private readonly rotation: LogRotation,
  ) {
    this.size = sizeOf(file);
    this.stream = open(file);
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.rotation.maxBytes) this.rotate();
    this.stream.write(line);
    this.size += bytes;
  }

  /**
   * Renames are synchronous so no write lands in between; writes still queued on the old stream
   * go to its open descriptor, which now names file.1, so order is kept.
   */
  private rotate(): void {
    this.stream.end();
    rmSync(rotatedName(this.file, this.rotation.files), { force: true });
    for (let n = this.rotation.files - 1; n >= 0; n--) {
      try {
        renameSync(rotatedName(this.file, n), rotatedName(this.file, n + 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    this.stream = open(this.file);
    this.size = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(resolve));
  }
}

/** The last `count` lines across the live file and its rotated ones, oldest first. */
export async function tailRotated(file: string, files: number, count: number): Promise<string[]> {
  const lines: string[] = [];
  for (let n = 0; n <= files && lines.length < count; n++) {
    let text: string;
    try {
      text = await readFile(rotatedName(file, n), 'utf8');
    } catch {
      continue;
    }
    const fileLines = text.split('\n').filter(Boolean);
    lines.unshift(...fileLines.slice(Math.max(0, fileLines.length - (count - lines.length))));
  }
  return lines;
}

/** Opened synchronously: the descriptor must name this file before any rotation renames it. */
function open(file: string): WriteStream {
  return createWriteStream(file, { fd: openSync(file, 'a', 0o600) });
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
