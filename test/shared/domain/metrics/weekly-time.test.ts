import { describe, expect, it } from 'vitest';
import {
  lastDays,
  leadTimeHistogram,
  median,
  quarterOf,
  quarterRange,
  quarterToDate,
  rangeDays,
  toMs,
  weeklyTrend,
  type ProductionDeploy,
  type ProductionIncident,
} from '../../../../shared/domain/metrics';

describe('median', () => {
  it('the middle value; for an even count the mean of the two middle ones (as percentile_cont(0.5))', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 10, 1, 1000])).toBe(10);
  });
});

describe('UTC quarters and ranges', () => {
  it('puts an instant in its UTC quarter', () => {
    expect(quarterOf('2026-12-31T23:59:59.999Z')).toBe('2026-Q4');
    expect(quarterOf('2027-01-01T00:00:00Z')).toBe('2027-Q1');
    expect(quarterOf('2026-04-01T00:30:00+01:00')).toBe('2026-Q1'); // 31 March 23:30 UTC
    expect(quarterRange('2026-Q2')).toEqual({
      from: '2026-04-01T00:00:00.000Z',
      to: '2026-07-01T00:00:00.000Z',
    });
    expect(quarterRange('2026-Q4').to).toBe('2027-01-01T00:00:00.000Z');
    expect(() => quarterRange('2026-Q5')).toThrow(RangeError);
    expect(quarterToDate('2026-11-30T07:00:00Z')).toEqual({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-30T07:00:00.000Z',
    });
  });

  it('reads ISO instants as Date.parse does, and refuses what is not one', () => {
    const instants = [
      '2026-03-01T00:00:00Z',
      '2026-03-01T00:00:00.123Z',
      '2026-02-28T23:59:59.999Z',
      '2026-03-01T01:00:00+01:00',
      '2026-03-01T00:00:00.123456Z',
      '2024-02-29T12:00:00Z',
    ];
    for (const iso of instants) expect(toMs(iso)).toBe(Date.parse(iso));
    for (const bad of ['2026-13-01T00:00:00Z', '2026-03-01T25:00:00Z', 'not a date', '']) {
      expect(() => toMs(bad)).toThrow(RangeError);
    }
  });

  it('range lengths in fractional days; the last N days', () => {
    expect(rangeDays({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T12:00:00Z' })).toBe(1.5);
    expect(lastDays('2026-03-31T00:00:00Z', 90)).toEqual({
      from: '2025-12-31T00:00:00.000Z',
      to: '2026-03-31T00:00:00.000Z',
    });
  });
});

describe('lead-time histogram on the band boundaries', () => {
  it('each bucket holds seconds below its bound', () => {
    expect(leadTimeHistogram([0, 3599, 3600, 86399, 86400, 604800, 2592000])).toEqual([
      { bucket: '< 1 h', count: 2 },
      { bucket: '1 h – 1 d', count: 2 },
      { bucket: '1 d – 1 w', count: 1 },
      { bucket: '1 w – 30 d', count: 1 },
      { bucket: '≥ 30 d', count: 1 },
    ]);
  });
});

describe('weekly trend', () => {
  // Wednesday 4 March → Wednesday 18 March 2026: ISO weeks of Monday 2, 9 and 16 March, the first
  // and last partial.
  const range = { from: '2026-03-04T00:00:00Z', to: '2026-03-18T00:00:00Z' };
  const deploys: ProductionDeploy[] = [
    { serviceId: 'api', deployedAt: '2026-03-03T10:00:00Z', committedAt: '2026-03-03T09:00:00Z' }, // before the range
    { serviceId: 'web', deployedAt: '2026-03-04T16:00:00Z', committedAt: '2026-03-01T16:00:00Z' }, // 259200 s
    { serviceId: 'web', deployedAt: '2026-03-05T10:00:00Z', committedAt: null, failed: true }, // makes the one above a failure
    { serviceId: 'web', deployedAt: '2026-03-05T11:30:00Z', committedAt: '2026-03-05T09:30:00Z' }, // 7200 s
    { serviceId: 'api', deployedAt: '2026-03-09T09:00:00Z', committedAt: null },
    { serviceId: 'api', deployedAt: '2026-03-09T09:30:00Z', committedAt: null, rollback: true }, // api's failure
    { serviceId: 'web', deployedAt: '2026-03-12T08:00:00Z', committedAt: '2026-03-11T08:00:00Z' }, // 86400 s
    { serviceId: 'web', deployedAt: '2026-03-18T00:00:00Z', committedAt: null }, // at `to`: not in the range
  ];
  const incidents: ProductionIncident[] = [
    { serviceId: null, openedAt: '2026-03-10T00:00:00Z', resolvedAt: '2026-03-10T06:00:00Z' },
    { serviceId: 'api', openedAt: '2026-03-14T00:00:00Z', resolvedAt: null },
    { serviceId: 'api', openedAt: '2026-03-03T12:00:00Z', resolvedAt: null }, // before the range
  ];

  it('one point per week, empty weeks included, counting only what falls in the range', () => {
    expect(weeklyTrend(deploys, incidents, range)).toEqual([
      // web 4 March (failure) and 5 March: lead median (259200 + 7200) / 2 = 133200
      { weekStart: '2026-03-02', deployments: 2, failures: 1, incidents: 0, leadTimeMedianSeconds: 133200 },
      // api 9 March (rolled back: failure, no commit time) and web 12 March (86400); incidents 10 and 14 March
      { weekStart: '2026-03-09', deployments: 2, failures: 1, incidents: 2, leadTimeMedianSeconds: 86400 },
      { weekStart: '2026-03-16', deployments: 0, failures: 0, incidents: 0, leadTimeMedianSeconds: null },
    ]);
    expect(weeklyTrend(deploys, incidents, { from: range.from, to: range.from })).toEqual([]);
  });
});
