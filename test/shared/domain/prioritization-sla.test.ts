import { describe, expect, it } from 'vitest';
import {
  firstResponseTargetMs,
  slaClock,
  supportLoad,
  type SlaInput,
} from '../../../shared/domain/support-sla';

const H = 3_600_000;
const req = (p: Partial<SlaInput>): SlaInput => ({
  tier: 'community',
  kind: 'question',
  createdAt: '2025-03-10T10:00:00.000Z',
  firstResponseAt: null,
  resolvedAt: null,
  escalatedAt: null,
  ...p,
});
const at = (iso: string) => new Date(iso);

describe('support SLA targets', () => {
  it('community 4 h, direct 1 h, documentation none; production immediate (15 min); blocking within a day', () => {
    expect(firstResponseTargetMs('community', 'question')).toBe(4 * H);
    expect(firstResponseTargetMs('direct', 'question')).toBe(H);
    expect(firstResponseTargetMs('documentation', 'question')).toBeNull();
    expect(firstResponseTargetMs('documentation', 'production')).toBe(15 * 60_000);
    expect(firstResponseTargetMs('community', 'blocking')).toBe(24 * H);
  });
});

describe('SLA clock', () => {
  it('counts down, turns at-risk in the last quarter and breaches (and escalates) after the due time', () => {
    expect(slaClock(req({}), at('2025-03-10T11:00:00Z'))).toEqual({
      state: 'on_track',
      dueAt: '2025-03-10T14:00:00.000Z',
      remainingMs: 3 * H,
      escalate: false,
    });
    expect(slaClock(req({}), at('2025-03-10T13:30:00Z')).state).toBe('at_risk');
    expect(slaClock(req({}), at('2025-03-10T14:01:00Z'))).toEqual({
      state: 'breached',
      dueAt: '2025-03-10T14:00:00.000Z',
      remainingMs: -60_000,
      escalate: true,
    });
  });

  it('stops at the first response: met on time, missed late', () => {
    const now = at('2025-03-11T00:00:00Z');
    expect(slaClock(req({ firstResponseAt: '2025-03-10T13:59:00Z' }), now).state).toBe('met');
    expect(slaClock(req({ firstResponseAt: '2025-03-10T14:05:00Z' }), now).state).toBe('missed');
  });

  it('production is due in 15 minutes, blocking the next day, documentation has no clock', () => {
    const now = at('2025-03-10T10:05:00Z');
    expect(slaClock(req({ kind: 'production', tier: 'direct' }), now).dueAt).toBe('2025-03-10T10:15:00.000Z');
    expect(slaClock(req({ kind: 'blocking' }), now).dueAt).toBe('2025-03-11T10:00:00.000Z');
    expect(slaClock(req({ tier: 'documentation' }), now)).toEqual({
      state: 'none',
      dueAt: null,
      remainingMs: null,
      escalate: false,
    });
  });

  it('a manual escalation shows even while on track', () => {
    const clock = slaClock(req({ escalatedAt: '2025-03-10T10:30:00Z' }), at('2025-03-10T10:31:00Z'));
    expect(clock.state).toBe('on_track');
    expect(clock.escalate).toBe(true);
  });
});

describe('support load per capability', () => {
  it('counts the last 30 days and flags ≥ 5 requests at ≥ 2× the median as high (a usability problem)', () => {
    const r = (capability: string, day: number) => ({
      capability,
      createdAt: new Date(Date.UTC(2025, 2, day, 12)).toISOString(),
    });
    const requests = [
      ...[2, 3, 5, 8, 13, 21].map((d) => r('secrets', d)),
      r('secrets', -5), // 24 Feb: outside the window
      r('ci', 4),
      r('ci', 6),
      r('deploy', 7),
      r('deploy', 9),
      r('deploy', 10),
      r('observability', 11),
    ];
    // Counts 6, 3, 2, 1 → median 2.5 → high needs ≥ 5: secrets only.
    expect(supportLoad(requests, at('2025-03-31T00:00:00Z'))).toEqual([
      { capability: 'secrets', requests: 6, high: true },
      { capability: 'deploy', requests: 3, high: false },
      { capability: 'ci', requests: 2, high: false },
      { capability: 'observability', requests: 1, high: false },
    ]);
  });
});
