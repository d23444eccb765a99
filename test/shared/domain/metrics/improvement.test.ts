import { describe, expect, it } from 'vitest';
import {
  beforeAfterRanges,
  computeBeforeAfter,
  improvement,
  type ProductionDeploy,
  type ProductionIncident,
} from '../../../../shared/domain/metrics';

const HOUR = 3600;
const DAY = 24 * HOUR;

describe('improvement = (after − before) / before × 100', () => {
  it("reproduces the issue's table", () => {
    // 2/week → 5/day = 35/week: (35 − 2) / 2 = 16.5 → +1650 %
    expect(improvement(2, 35, 'up')).toEqual({ before: 2, after: 35, percent: 1650, better: true });
    // 2 weeks → 2 days: (2 − 14) / 14 = −0.857142… → −85.7 % (the issue rounds to −86 %)
    const lead = improvement(14 * DAY, 2 * DAY, 'down');
    expect(lead.percent).toBeCloseTo(-85.7142857, 6);
    expect(lead.better).toBe(true);
    // 4 h → 30 min: (1800 − 14400) / 14400 = −0.875 → −87.5 %
    expect(improvement(4 * HOUR, 30 * 60, 'down')).toEqual({
      before: 14400,
      after: 1800,
      percent: -87.5,
      better: true,
    });
    // 15 % → 5 %: −0.10 / 0.15 = −0.666… → −66.7 %
    const failure = improvement(0.15, 0.05, 'down');
    expect(failure.percent).toBeCloseTo(-66.6666667, 6);
    expect(failure.better).toBe(true);
  });

  it('no before (0 or null) or no after: no percentage and no verdict', () => {
    expect(improvement(0, 5, 'up')).toEqual({ before: 0, after: 5, percent: null, better: null });
    expect(improvement(null, 5, 'up')).toEqual({ before: null, after: 5, percent: null, better: null });
    expect(improvement(5, null, 'down')).toEqual({ before: 5, after: null, percent: null, better: null });
  });

  it('worse and unchanged are not better; an after of 0 is −100 %', () => {
    expect(improvement(2 * DAY, 3 * DAY, 'down')).toEqual({
      before: 2 * DAY,
      after: 3 * DAY,
      percent: 50,
      better: false,
    });
    expect(improvement(10, 5, 'up')).toEqual({ before: 10, after: 5, percent: -50, better: false });
    expect(improvement(0.1, 0.1, 'down')).toEqual({ before: 0.1, after: 0.1, percent: 0, better: false });
    expect(improvement(0.1, 0, 'down')).toEqual({ before: 0.1, after: 0, percent: -100, better: true });
  });
});

describe('before and after a launch date', () => {
  const range = { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

  it('a launch inside the range splits it', () => {
    expect(beforeAfterRanges(range, '2026-02-15T00:00:00Z')).toEqual({
      before: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-15T00:00:00.000Z' },
      after: { from: '2026-02-15T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
    });
  });

  it('a launch before the range: after = the range, before = as long (90 days) just before the launch', () => {
    expect(beforeAfterRanges(range, '2025-06-01T00:00:00Z')).toEqual({
      before: { from: '2025-03-03T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z' }, // 1 June − 90 days
      after: range,
    });
    // On the range's first instant it is the same rule.
    expect(beforeAfterRanges(range, range.from).before).toEqual({
      from: '2025-10-03T00:00:00.000Z',
      to: range.from,
    });
  });

  it('a launch after the range: before = the range, after = as long from the launch', () => {
    expect(beforeAfterRanges(range, '2026-05-01T00:00:00Z')).toEqual({
      before: range,
      after: { from: '2026-05-01T00:00:00.000Z', to: '2026-07-30T00:00:00.000Z' },
    });
  });

  it('no launch date: the previous period of the same length', () => {
    expect(beforeAfterRanges(range, null)).toEqual({
      before: { from: '2025-10-03T00:00:00.000Z', to: range.from },
      after: range,
    });
  });

  it("the issue's table end to end: 2/week → 5/day, 14 d → 2 d, 15 % → 5 %, 4 h → 30 min", () => {
    const launch = Date.UTC(2026, 0, 1);
    const iso = (ms: number) => new Date(ms).toISOString();
    const deploys: ProductionDeploy[] = [];
    const incidents: ProductionIncident[] = [];
    // Before: 20 deploys every 3.5 days over the 70 days before launch (2 a week), commits 14 days
    // earlier; the first 3 (15 %) each get an incident 1 h later, resolved 4 h after opening.
    for (let i = 0; i < 20; i++) {
      const at = launch - 70 * DAY * 1000 + i * 3.5 * DAY * 1000;
      deploys.push({ serviceId: 'svc', deployedAt: iso(at), committedAt: iso(at - 14 * DAY * 1000) });
      if (i < 3)
        incidents.push({
          serviceId: 'svc',
          openedAt: iso(at + HOUR * 1000),
          resolvedAt: iso(at + 5 * HOUR * 1000),
        });
    }
    // After: 100 deploys every 4.8 h over 20 days (5 a day), commits 2 days earlier; the first 5
    // (5 %) each get an incident 1 h later, resolved 30 min after opening.
    for (let i = 0; i < 100; i++) {
      const at = launch + i * 4.8 * HOUR * 1000;
      deploys.push({ serviceId: 'svc', deployedAt: iso(at), committedAt: iso(at - 2 * DAY * 1000) });
      if (i < 5)
        incidents.push({
          serviceId: 'svc',
          openedAt: iso(at + HOUR * 1000),
          resolvedAt: iso(at + 1.5 * HOUR * 1000),
        });
    }
    const table = computeBeforeAfter(
      deploys,
      incidents,
      { from: iso(launch - 70 * DAY * 1000), to: iso(launch + 20 * DAY * 1000) },
      iso(launch),
    );
    const { before, after, improvement: change } = table;
    expect([before.from, before.to, after.from, after.to]).toEqual([
      '2025-10-23T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
      '2026-01-21T00:00:00.000Z',
    ]);
    // Before: 20 in 70 days = 2/week (high); lead 14 d (medium); 3/20 = 15 % (medium); 4 h (high);
    // no deploy within 24 h of a failure (3.5 days apart) → rework 0.
    expect(before.deployments).toBe(20);
    expect(before.deploymentsPerWeek).toBeCloseTo(2, 12);
    expect([
      before.frequencyBand,
      before.leadTimeBand,
      before.changeFailureBand,
      before.recoveryBand,
    ]).toEqual(['high', 'medium', 'medium', 'high']);
    expect(before.leadTimeMedianSeconds).toBe(14 * DAY);
    expect(before.changeFailureRate).toBe(0.15);
    expect(before.recoveryMedianSeconds).toBe(4 * HOUR);
    expect(before.reworkRate).toBe(0);
    // After: 100 in 20 days = 5/day = 35/week (elite); lead 2 d (high); 5/100 = 5 % (elite);
    // 30 min (elite). Rework: deploys come every 4.8 h, so deploys #2–#10 are within 24 h after one
    // of the failed #1–#5 (#10 exactly 5 × 4.8 = 24 h after #5, the window's end is included) → 9/100.
    expect(after.deploymentsPerDay).toBe(5);
    expect(after.deploymentsPerWeek).toBe(35);
    expect([after.frequencyBand, after.leadTimeBand, after.changeFailureBand, after.recoveryBand]).toEqual([
      'elite',
      'high',
      'elite',
      'elite',
    ]);
    expect(after.changeFailureRate).toBe(0.05);
    expect(after.reworkRate).toBe(0.09);
    // +1650 %, −85.7 %, −66.7 %, −87.5 %, each better.
    expect(change.deploymentsPerWeek.percent).toBeCloseTo(1650, 9);
    expect(change.leadTimeMedianSeconds.percent).toBeCloseTo(-85.7142857, 6);
    expect(change.changeFailureRate.percent).toBeCloseTo(-66.6666667, 6);
    expect(change.recoveryMedianSeconds.percent).toBe(-87.5);
    expect(Object.values(change).map((c) => c.better)).toEqual([true, true, true, true]);
    expect(table.launchDate).toBe('2026-01-01T00:00:00.000Z');
  });
});
