import { tmpdir } from 'node:os';

/**
 * The environment of every git process this feature starts. It never reads the host user's or
 * system's git config (hooks, credential helpers, templates): what the platform serves must not
 * depend on who runs the server (same rule as self-service's repositories/git-repository.ts).
 */
export const isolatedGitEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
});
