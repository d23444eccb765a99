import { execFile, spawn } from 'node:child_process';
import { mkdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface Commit {
  sha: string;
  message: string;
  committedAt: string;
}

// The platform's git never reads the host user's config (hooks, templates, credentials).
const gitEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
});

/** The commit `ref` (a sha or branch) names in the bare repository, or null when it names none. */
export async function findCommit(bareRepo: string, ref: string): Promise<Commit | null> {
  if (!/^[A-Za-z0-9._/-]+$/.test(ref) || ref.startsWith('-')) return null;
  try {
    const { stdout } = await execFileAsync(
      'git',
      ['-C', bareRepo, 'log', '-1', '--format=%H%x00%cI%x00%s', `${ref}^{commit}`, '--'],
      { env: gitEnv() },
    );
    const [sha, committedAt, message] = stdout.trim().split('\0');
    if (!sha || !committedAt) return null;
    return { sha, committedAt: new Date(committedAt).toISOString(), message: message ?? '' };
  } catch {
    return null;
  }
}

/** Writes the tree of `sha` into `dest` (git archive | tar -x): a workspace without .git. */
export async function exportTree(bareRepo: string, sha: string, dest: string): Promise<void> {
  await mkdir(dest, { recursive: true });
  const archive = spawn('git', ['-C', bareRepo, 'archive', '--format=tar', sha], { env: gitEnv() });
  const tar = spawn('tar', ['-x', '-C', dest]);
  let stderr = '';
  archive.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  tar.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  archive.stdout.pipe(tar.stdin);
  const exit = (child: ReturnType<typeof spawn>) =>
    new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
  const [archiveCode, tarCode] = await Promise.all([exit(archive), exit(tar)]);
  if (archiveCode !== 0 || tarCode !== 0) {
    throw new Error(
      `exporting ${sha.slice(0, 7)} failed: ${stderr.trim() || `exit ${archiveCode}/${tarCode}`}`,
    );
  }
}

/** Packs `dir` (without any .git) into the .tar.gz `file`, written under a temporary name first. */
export async function packDirectory(dir: string, file: string): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  await execFileAsync('tar', ['-czf', partial, '--exclude=./.git', '-C', dir, '.'], { env: gitEnv() });
  await rename(partial, file);
}
