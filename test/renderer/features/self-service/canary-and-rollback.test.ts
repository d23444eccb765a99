import { describe, expect, it } from 'vitest';
import type { CanaryState } from '../../../../shared/features/self-service/api';
import { canaryView, formatSecondsLeft } from '../../../../renderer/features/self-service/canary-view';
import {
  rollbackButtonState,
  versionLabel,
} from '../../../../renderer/features/self-service/rollback-button';

const state = (fields: Partial<CanaryState>): CanaryState => ({
  deploymentId: 'd2',
  status: 'analysing',
  weightPercent: 10,
  windowSeconds: 60,
  startedAt: '2026-11-30T08:00:00.000Z',
  endsAt: '2026-11-30T08:01:00.000Z',
  stable: { requests: 180, failures: 0 },
  canary: { requests: 20, failures: 1 },
  reason: null,
  automatic: null,
  decidedAt: null,
  ...fields,
});
const at = (iso: string) => Date.parse(iso);

describe('the canary panel', () => {
  it('shows weights, error rates and the time left while analysing; Promote and Abort both allowed', () => {
    const view = canaryView(state({}), at('2026-11-30T08:00:15.200Z'));
    expect(view).toEqual({
      phase: 'Analysing',
      secondsLeft: 45,
      stable: { requests: 180, failures: 0, errorRate: '0.0 %' },
      canary: { requests: 20, failures: 1, errorRate: '5.0 %' },
      stableWeight: 90,
      canaryWeight: 10,
      canPromote: true,
      canAbort: true,
    });
  });

  it('while starting the canary takes no traffic and cannot be promoted, only aborted', () => {
    const view = canaryView(
      state({
        status: 'starting',
        startedAt: null,
        endsAt: null,
        stable: { requests: 0, failures: 0 },
        canary: { requests: 0, failures: 0 },
      }),
      at('2026-11-30T08:00:00.000Z'),
    );
    expect(view).toMatchObject({
      secondsLeft: null,
      stableWeight: 100,
      canaryWeight: 0,
      canPromote: false,
      canAbort: true,
    });
    expect(view.canary.errorRate).toBe('—');
    expect(view.phase).toMatch(/no traffic yet/);
  });

  it('says it is deciding once the window is over, and offers nothing after a decision', () => {
    expect(canaryView(state({}), at('2026-11-30T08:02:00.000Z'))).toMatchObject({
      secondsLeft: 0,
      phase: 'Window over: deciding',
    });
    expect(canaryView(state({ status: 'promoted' }), at('2026-11-30T08:02:00.000Z'))).toMatchObject({
      canPromote: false,
      canAbort: false,
    });
    expect(formatSecondsLeft(42)).toBe('42 s');
    expect(formatSecondsLeft(65)).toBe('1 min 05 s');
  });
});

describe('the Roll back button', () => {
  it('is disabled with the platform’s reason, as its title and visible text', () => {
    expect(
      rollbackButtonState({ available: false, reason: 'only one version has run here', target: null }, false),
    ).toEqual({
      enabled: false,
      reason: 'only one version has run here',
      title: 'Roll back is unavailable: only one version has run here',
    });
  });

  it('is disabled while a deploy or rollback of this environment waits in the outbox', () => {
    const queued = rollbackButtonState(
      {
        available: true,
        reason: null,
        target: { deploymentId: 'd1', version: 'a'.repeat(40), versionNumber: 1, commitMessage: 'x' },
      },
      true,
    );
    expect(queued.enabled).toBe(false);
    expect(queued.reason).toMatch(/queued/);
  });

  it('names the version it goes back to', () => {
    const state = rollbackButtonState(
      {
        available: true,
        reason: null,
        target: { deploymentId: 'd1', version: 'a'.repeat(40), versionNumber: 3, commitMessage: 'Fix' },
      },
      false,
    );
    expect(state).toEqual({ enabled: true, reason: null, title: 'Roll back to v3 · aaaaaaa Fix' });
    expect(versionLabel({ version: 'b'.repeat(40), versionNumber: null })).toBe('bbbbbbb');
    expect(versionLabel({ version: 'b'.repeat(40), versionNumber: 7 })).toBe('v7 · bbbbbbb');
  });
});
