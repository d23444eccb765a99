import { describe, expect, it } from 'vitest';
import { idleSetup, type PlatformSetup } from '../../../shared/ipc/platform-setup';
import { platformSetupFraction, platformSetupText } from '../../../renderer/status/platform-setup-text';

const step = (partial: Partial<PlatformSetup> & Pick<PlatformSetup, 'step'>): PlatformSetup => ({
  ...idleSetup,
  ...partial,
});

describe('platform setup in plain words', () => {
  it('names each step with its count', () => {
    expect(platformSetupText(step({ step: 'database', detail: 'copying the prepared database' }))).toBe(
      'Preparing the demo platform: copying the prepared database…',
    );
    expect(platformSetupText(step({ step: 'migrations', done: 12, total: 48 }))).toBe(
      'Preparing the demo platform: migrations 12/48…',
    );
    expect(platformSetupText(step({ step: 'seeding', done: 2, total: 6, detail: 'backlog' }))).toBe(
      'Seeding the demo organization: backlog (2/6)…',
    );
    expect(platformSetupText(step({ step: 'ready' }))).toBe('Loading the demo catalog…');
    expect(platformSetupText(step({ step: 'failed', error: { code: 'x', message: 'port in use' } }))).toBe(
      'The demo platform could not start: port in use',
    );
  });

  it('moves the bar forward through the steps and never past the end', () => {
    const order = [
      step({ step: 'database' }),
      step({ step: 'migrations', done: 0, total: 10 }),
      step({ step: 'migrations', done: 10, total: 10 }),
      step({ step: 'seeding', done: 3, total: 6 }),
      step({ step: 'starting' }),
      step({ step: 'ready' }),
    ].map(platformSetupFraction);
    expect(order.every((fraction) => fraction !== null && fraction >= 0 && fraction < 1)).toBe(true);
    expect([...order].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(order);
    expect(platformSetupFraction(step({ step: 'migrations', done: 99, total: 10 }))).toBeLessThanOrEqual(
      platformSetupFraction(step({ step: 'seeding', done: 0, total: 6 })) ?? 0,
    );
    expect(platformSetupFraction(idleSetup)).toBeNull();
  });
});
