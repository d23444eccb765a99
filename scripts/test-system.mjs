// What `npm test` needs from the machine besides Node, and what to do when it is missing: the
// decision is pure (planSystemSetup) so it is unit-tested; ensure-test-system.mjs acts on it.

/** The Debian packages the tests use, each found by the program it provides. */
export const TEST_PACKAGES = [
  { name: 'chromium', program: 'chromium', why: 'the end-to-end tests (browser mode)' },
  { name: 'redis-server', program: 'redis-server', why: 'the cache and queue executors' },
  { name: 'git', program: 'git', why: 'service repositories, git hosting and pipelines' },
];

/**
 * @param {{ missing: string[], isRoot: boolean, hasApt: boolean }} machine
 * @returns {{ action: 'none' } | { action: 'install', command: string[] } | { action: 'stop', message: string }}
 */
export function planSystemSetup({ missing, isRoot, hasApt }) {
  if (missing.length === 0) return { action: 'none' };
  const command = `apt-get install -y ${missing.join(' ')}`;
  if (isRoot && hasApt) return { action: 'install', command: ['apt-get', 'install', '-y', ...missing] };
  const how = hasApt ? `sudo ${command}` : `install ${missing.join(', ')} with your system's package manager`;
  return {
    action: 'stop',
    message: `npm test needs ${missing.join(', ')}, which this machine lacks; run: ${how}`,
  };
}
