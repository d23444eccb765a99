import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { isolatedGitEnv } from './git-env';
import type { PushedCommit } from './public';

const run = promisify(execFile);

// NUL between fields, RS between commits: neither can appear in a name, an email or a subject.
const FORMAT = '%H%x00%an%x00%ae%x00%cI%x00%s%x1e';

const git = async (bareRepo: string, args: string[]): Promise<string> =>
  (await run('git', ['-C', bareRepo, ...args], { env: isolatedGitEnv(), maxBuffer: 1 << 24 })).stdout;

/**
 * Commits of a revision range (`git log` arguments such as `a..b` or `b --not --all`), newest
 * first, at most `limit`.
 */
export async function listCommits(bareRepo: string, range: string[], limit: number): Promise<PushedCommit[]> {
  const out = await git(bareRepo, ['log', `--max-count=${limit}`, `--format=${FORMAT}`, ...range, '--']);
  return out
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [sha = '', authorName = '', authorEmail = '', committedAt = '', message = ''] =
        record.split('\0');
      return { sha, authorName, authorEmail, committedAt: new Date(committedAt).toISOString(), message };
    });
}

/** How many commits a range holds (the push event counts them all, beyond the 100 listed). */
export async function countCommits(bareRepo: string, range: string[]): Promise<number> {
  return Number((await git(bareRepo, ['rev-list', '--count', ...range, '--'])).trim());
}

/** The sha `ref` points at, or null when the repository has no such ref (an empty repository's main). */
export async function refSha(bareRepo: string, ref: string): Promise<string | null> {
  try {
    return (await git(bareRepo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim() || null;
  } catch {
    return null;
  }
}

/**
 * The range of commits a ref update brought: `before..after`, or for a new ref what no other ref
 * already had (so a new branch off main lists only its own commits).
 */
export const pushedRange = (ref: string, before: string | null, after: string): string[] =>
  before ? [`${before}..${after}`] : [after, '--not', `--exclude=${ref}`, '--all'];
