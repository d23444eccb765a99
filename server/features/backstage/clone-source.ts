import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ImportSource, SourceFile } from '../../../shared/features/backstage/api';
import { invalid } from '../../http/api-error';

const execFileAsync = promisify(execFile);

const CLONE_TIMEOUT_MS = 60_000;
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 2_000_000;
/** Backstage's conventional file names, and any YAML under a `catalog` folder. */
const CATALOG_FILE = /(^|\/)(catalog-info\.ya?ml|[^/]*\.catalog\.ya?ml)$|(^|\/)catalog\/[^/]+\.ya?ml$/;

/**
 * The files of a source: as sent (one file or a folder the app read), or the Backstage catalog
 * files of a repository the platform clones with `git clone --depth 1` into a temporary folder,
 * removed afterwards. The clone runs with no host config and no prompt, under a time-out.
 */
export async function sourceFiles(source: ImportSource, signal?: AbortSignal): Promise<SourceFile[]> {
  if (source.type === 'files') return source.files;
  const dir = await mkdtemp(path.join(tmpdir(), 'pave-backstage-'));
  try {
    try {
      await execFileAsync(
        'git',
        ['clone', '--quiet', '--depth', '1', '--', source.url, path.join(dir, 'repo')],
        {
          env: {
            PATH: process.env.PATH,
            HOME: dir,
            GIT_CONFIG_NOSYSTEM: '1',
            GIT_CONFIG_GLOBAL: '/dev/null',
            GIT_TERMINAL_PROMPT: '0',
            // Only the transports a source may name: no ext::, ssh or submodule surprises.
            GIT_ALLOW_PROTOCOL: 'file:http:https',
          },
          timeout: CLONE_TIMEOUT_MS,
          ...(signal ? { signal } : {}),
        },
      );
    } catch (error) {
      const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
      const reason = (error as { killed?: boolean }).killed
        ? `it took longer than ${CLONE_TIMEOUT_MS / 1000} s`
        : stderr.split('\n').at(-1) || (error as Error).message;
      throw invalid(`could not clone ${redactUrl(source.url)}: ${reason}`);
    }
    const root = path.join(dir, 'repo');
    const files: SourceFile[] = [];
    for (const relative of await listFiles(root)) {
      if (!CATALOG_FILE.test(relative) || files.length >= MAX_FILES) continue;
      const text = await readFile(path.join(root, relative), 'utf8');
      if (text.length <= MAX_FILE_BYTES) files.push({ path: relative, text });
    }
    if (files.length === 0) {
      throw invalid(
        `${redactUrl(source.url)} has no catalog-info.yaml (nor *.catalog.yaml, nor catalog/*.yaml)`,
      );
    }
    return files;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, prefix), { withFileTypes: true })) {
    if (entry.name === '.git' || entry.name === 'node_modules') continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, relative)));
    else if (entry.isFile()) out.push(relative);
  }
  return out.sort();
}

/** A URL may carry a token as its password; messages never show it. */
export const redactUrl = (url: string): string => url.replace(/\/\/[^/@]*@/, '//***@');
