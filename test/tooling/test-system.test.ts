import { describe, expect, it } from 'vitest';
import { planSystemSetup, TEST_PACKAGES } from '../../scripts/test-system.mjs';

describe('what npm test does about missing system packages', () => {
  it('does nothing when every package is there', () => {
    expect(planSystemSetup({ missing: [], isRoot: false, hasApt: false })).toEqual({ action: 'none' });
  });

  it('installs exactly what is missing as root with apt', () => {
    expect(planSystemSetup({ missing: ['chromium', 'git'], isRoot: true, hasApt: true })).toEqual({
      action: 'install',
      command: ['apt-get', 'install', '-y', 'chromium', 'git'],
    });
  });

  it('stops with the one command that would, when it may not install', () => {
    const plan = planSystemSetup({ missing: ['redis-server'], isRoot: false, hasApt: true });
    expect(plan).toEqual({
      action: 'stop',
      message:
        'npm test needs redis-server, which this machine lacks; run: sudo apt-get install -y redis-server',
    });
    const noApt = planSystemSetup({ missing: ['chromium'], isRoot: true, hasApt: false });
    expect(noApt.action).toBe('stop');
    expect(noApt).toMatchObject({ message: expect.stringContaining("system's package manager") });
  });

  it('covers the three packages README names', () => {
    expect(TEST_PACKAGES.map((pkg) => pkg.name)).toEqual(['chromium', 'redis-server', 'git']);
  });
});
