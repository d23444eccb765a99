import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiErrorCode } from '../../../shared/api/errors';
import { IpcErrorCode } from '../../../shared/ipc/result';
import { errorTable, explainError } from '../../../renderer/data/error-table';

const root = join(import.meta.dirname, '../../..');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Codes written as literals where errors are made: `new ApiError(409, 'x'`, `new IpcError('x'`, … */
async function literalCodes(): Promise<Set<string>> {
  const made = /new (?:ApiError|IpcError|PlatformError)\(\s*(?:\d+,\s*)?'([a-z_]+)'/g;
  const codes = new Set<string>();
  for (const dir of ['server', 'electron', 'shared', 'renderer']) {
    for (const file of await sourceFiles(dir)) {
      for (const match of (await readFile(file, 'utf8')).matchAll(made)) codes.add(match[1]!);
    }
  }
  return codes;
}

describe('the error table', () => {
  it('has a sentence and a next step for every code the platform, the backend or the app can send', async () => {
    const codes = new Set([
      ...Object.values(ApiErrorCode),
      ...Object.values(IpcErrorCode),
      ...(await literalCodes()),
    ]);
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].filter((code) => !(code in errorTable)).sort();
    expect(missing).toEqual([]);
  });

  it('speaks to people: whole sentences, no schema paths or codes', () => {
    for (const [code, { sentence, next }] of Object.entries(errorTable)) {
      for (const text of [sentence, next]) {
        expect(text, code).toMatch(/^[A-Z`].*[.)]$/);
        if (code.includes('_')) expect(text, code).not.toContain(code);
      }
    }
    expect(explainError('never_heard_of_it').next).toMatch(/Try again/);
  });
});
