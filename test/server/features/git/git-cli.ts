import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface GitResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real git CLI as a user runs it, with a HOME of its own and no system or global config (so
 * no credential helper of this machine answers for it) and no prompt: a refused credential fails.
 */
export async function gitUser(name: string) {
  const home = await mkdtemp(path.join(tmpdir(), 'pave-git-home-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: `${name}@example.com`,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: `${name}@example.com`,
  };
  const git = (args: string[], cwd = home): Promise<GitResult> =>
    new Promise((resolve, reject) => {
      const child = spawn('git', ['-c', 'credential.helper=', ...args], { cwd, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  return {
    home,
    git,
    /** Like `git`, but a non-zero exit throws with git's output. */
    async ok(args: string[], cwd?: string): Promise<string> {
      const result = await git(args, cwd);
      if (result.code !== 0)
        throw new Error(`git ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
      return result.stdout.trim();
    },
    cleanup: () => rm(home, { recursive: true, force: true }),
  };
}

/** `http://x:<token>@host:port/git/<name>.git`: the token as basic-auth password, any user name. */
export const cloneUrl = (platformUrl: string, token: string, name: string) =>
  platformUrl.replace('http://', `http://x:${encodeURIComponent(token)}@`) + `/git/${name}.git`;
