import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitAuthor {
  name: string;
  email: string;
}

export interface CommitInfo {
  sha: string;
  committedAt: string;
  message: string;
}

/** Thrown for a version that is not a commit of the repository (the caller's mistake, not ours). */
export class UnknownVersionError extends Error {
  override name = 'UnknownVersionError';
}

// Never read the host user's git config (hooks, signing, templates): the platform's commits must
// not depend on who runs the server.
const gitEnv = (author?: GitAuthor): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  ...(author && {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: 'Pave platform',
    GIT_COMMITTER_EMAIL: 'platform@pave.local',
  }),
});

async function git(args: string[], options: { cwd?: string; author?: GitAuthor } = {}): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd: options.cwd,
    env: gitEnv(options.author),
    maxBuffer: 1 << 24,
  });
  return stdout;
}

async function writeFiles(dir: string, files: Map<string, string>): Promise<void> {
  for (const [relative, content] of files) {
    const target = path.join(dir, relative);
    if (!target.startsWith(dir + path.sep)) throw new Error(`file path escapes the repository: ${relative}`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** Commits `files` (added or replaced) on main of the bare repository through a scratch clone. */
export async function commitFiles(
  bareRepo: string,
  files: Map<string, string>,
  author: GitAuthor,
  message: string,
): Promise<CommitInfo> {
  const work = await mkdtemp(path.join(tmpdir(), 'pave-commit-'));
  try {
    await git(['clone', '--quiet', bareRepo, work]);
    // An empty bare repository clones with no branch checked out.
    await git(['checkout', '--quiet', '-B', 'main'], { cwd: work });
    await writeFiles(work, files);
    await git(['add', '--all'], { cwd: work });
    await git(['commit', '--quiet', '--no-verify', '-m', message], { cwd: work, author });
    await git(['push', '--quiet', 'origin', 'main'], { cwd: work });
    return await resolveCommit(bareRepo, 'main');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Creates a bare repository with main as its default branch and `files` as the first commit. */
export async function createRepository(
  bareRepo: string,
  files: Map<string, string>,
  author: GitAuthor,
  message: string,
): Promise<CommitInfo> {
  await mkdir(path.dirname(bareRepo), { recursive: true });
  await git(['init', '--quiet', '--bare', '--initial-branch=main', bareRepo]);
  return commitFiles(bareRepo, files, author, message);
}

/** The commit a ref or sha names; UnknownVersionError when there is none. */
export async function resolveCommit(bareRepo: string, ref: string): Promise<CommitInfo> {
  if (!/^[A-Za-z0-9._/-]+$/.test(ref) || ref.startsWith('-')) throw new UnknownVersionError(`bad ref ${ref}`);
  let out: string;
  try {
    out = await git(['-C', bareRepo, 'log', '-1', '--format=%H%x00%cI%x00%s', `${ref}^{commit}`, '--']);
  } catch {
    throw new UnknownVersionError(`${ref} is not a commit of this service's repository`);
  }
  const [sha, committedAt, message] = out.trim().split('\0');
  if (!sha || !committedAt)
    throw new UnknownVersionError(`${ref} is not a commit of this service's repository`);
  return { sha, committedAt: new Date(committedAt).toISOString(), message: message ?? '' };
}

/** Writes the tree of `sha` into `dest` (git archive | tar -x), without a .git directory. */
export async function exportCommit(bareRepo: string, sha: string, dest: string): Promise<void> {
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
    throw new Error(`exporting ${sha} failed: ${stderr.trim() || `exit ${archiveCode}/${tarCode}`}`);
  }
}
