import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { metricsCacheMigration } from '../../../../electron/backend/features/metrics/cache-migration';
import {
  cachedReport,
  reportKey,
  storeReport,
} from '../../../../electron/backend/features/metrics/report-cache';
import { resolveRange } from '../../../../electron/backend/features/metrics/resolve-range';
import { bigReport } from './big-report';

const open = () => {
  const db = new Database(':memory:');
  db.exec(metricsCacheMigration.sql);
  return db;
};

describe('the metrics report cache', () => {
  it('keys a question by scope, range as asked and adoption window', () => {
    const org = reportKey({ scope: { kind: 'org' }, range: { preset: 'last90' }, adoptionDays: null });
    expect(org).toBe('report|org|last90|default');
    expect(
      reportKey({ scope: { kind: 'team', teamId: 't1' }, range: { preset: 'quarter' }, adoptionDays: 30 }),
    ).toBe('report|team:t1|quarter|30');
    expect(
      reportKey({
        scope: { kind: 'service', serviceId: 's1' },
        range: { preset: 'custom', from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' },
        adoptionDays: null,
      }),
    ).toBe('report|service:s1|custom:2025-01-01T00:00:00.000Z..2025-02-01T00:00:00.000Z|default');
  });

  it('keeps the last answer per question and drops one it cannot read', () => {
    const db = open();
    const report = bigReport(4);
    storeReport(db, 'a', '2026-11-30T07:00:00.000Z', report);
    storeReport(db, 'a', '2026-11-30T08:00:00.000Z', { ...report, asOf: '2026-11-30T08:00:00.000Z' });
    expect(cachedReport(db, 'a')).toEqual({
      value: { ...report, asOf: '2026-11-30T08:00:00.000Z' },
      fetchedAt: '2026-11-30T08:00:00.000Z',
    });
    expect(cachedReport(db, 'b')).toBeUndefined();
    db.prepare("UPDATE metrics_reports SET data = '{\"scope\":1}' WHERE key = 'a'").run();
    expect(cachedReport(db, 'a')).toBeUndefined();
  });

  it('reads two years of weekly points back in under 16 ms', () => {
    const db = open();
    storeReport(db, 'big', '2026-11-30T07:00:00.000Z', bigReport(104));
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      expect(cachedReport(db, 'big')?.value.weekly).toHaveLength(104);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? Infinity;
    expect(median).toBeLessThan(16);
  });
});

describe('range presets', () => {
  const now = new Date('2026-11-30T07:30:00.000Z');
  it('"this quarter" starts on the first day of the calendar quarter (UTC)', () => {
    expect(resolveRange({ preset: 'quarter' }, now)).toEqual({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-30T07:30:00.000Z',
    });
    expect(resolveRange({ preset: 'quarter' }, new Date('2026-01-01T00:00:00.000Z')).from).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });
  it('"last 90 days" is 90 × 24 h back; custom passes through', () => {
    expect(resolveRange({ preset: 'last90' }, now).from).toBe('2026-09-01T07:30:00.000Z');
    const custom = {
      preset: 'custom',
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-02-01T00:00:00.000Z',
    } as const;
    expect(resolveRange(custom, now)).toEqual({ from: custom.from, to: custom.to });
  });
});
