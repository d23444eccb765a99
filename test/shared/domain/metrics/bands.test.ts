import { describe, expect, it } from 'vitest';
import {
  changeFailureBand,
  computeDora,
  frequencyBand,
  leadTimeBand,
  recoveryBand,
  type ProductionDeploy,
} from '../../../../shared/domain/metrics';

/** DORA 2023 bands on both sides of every boundary (see bands.ts for which side is inclusive). */
const HOUR = 3600;
const DAY = 24 * HOUR;

describe('deployment frequency band (at least: elite 1/day, high 1/week, medium 1/month)', () => {
  it('exactly once a day is elite; a hair less is high', () => {
    expect(frequencyBand(1)).toBe('elite');
    expect(frequencyBand(5)).toBe('elite');
    expect(frequencyBand(0.999)).toBe('high');
  });

  it('exactly once a week is high, also when it comes out of a division (13 deploys in 91 days)', () => {
    expect(frequencyBand(1 / 7)).toBe('high');
    const deploys: ProductionDeploy[] = Array.from({ length: 13 }, (_, i) => ({
      serviceId: 'svc',
      deployedAt: new Date(Date.UTC(2026, 0, 1) + i * 7 * DAY * 1000).toISOString(),
      committedAt: null,
    }));
    const dora = computeDora(deploys, [], { from: '2026-01-01T00:00:00Z', to: '2026-04-02T00:00:00Z' }); // 91 days
    expect(dora.deploymentsPerWeek).toBeCloseTo(1, 12); // 13/91·7 = 1
    expect(dora.frequencyBand).toBe('high');
    // 12 of them in the same 91 days: 12/91·7 = 0.923 a week → medium.
    expect(
      computeDora(deploys.slice(1), [], { from: '2026-01-01T00:00:00Z', to: '2026-04-02T00:00:00Z' })
        .frequencyBand,
    ).toBe('medium');
  });

  it('once a month (30 days) is medium; less is low; no data is null', () => {
    expect(frequencyBand(3 / 90)).toBe('medium'); // 3 in 90 days = exactly 1 per 30 days
    expect(frequencyBand(2 / 90)).toBe('low');
    expect(frequencyBand(0)).toBe('low');
    expect(frequencyBand(null)).toBeNull();
  });
});

describe('lead time band (less than: elite 1 day, high 1 week, medium 30 days)', () => {
  it('one second under a boundary is the better band; exactly on it the worse', () => {
    expect(leadTimeBand(DAY - 1)).toBe('elite');
    expect(leadTimeBand(DAY)).toBe('high');
    expect(leadTimeBand(7 * DAY - 1)).toBe('high');
    expect(leadTimeBand(7 * DAY)).toBe('medium');
    expect(leadTimeBand(30 * DAY - 1)).toBe('medium');
    expect(leadTimeBand(30 * DAY)).toBe('low');
    expect(leadTimeBand(0)).toBe('elite');
    expect(leadTimeBand(null)).toBeNull();
  });
});

describe('change failure band (at most: elite 5 %, high 10 %, medium 15 %)', () => {
  it('exactly on a boundary is the better band; just over it the worse', () => {
    expect(changeFailureBand(0)).toBe('elite');
    expect(changeFailureBand(0.05)).toBe('elite');
    expect(changeFailureBand(1 / 20)).toBe('elite');
    expect(changeFailureBand(0.0501)).toBe('high');
    expect(changeFailureBand(0.1)).toBe('high');
    expect(changeFailureBand(0.1001)).toBe('medium');
    expect(changeFailureBand(3 / 20)).toBe('medium');
    expect(changeFailureBand(0.1501)).toBe('low');
    expect(changeFailureBand(1)).toBe('low');
    expect(changeFailureBand(null)).toBeNull();
  });
});

describe('recovery band (less than: elite 1 hour, high 1 day, medium 1 week)', () => {
  it('one second under a boundary is the better band; exactly on it the worse', () => {
    expect(recoveryBand(HOUR - 1)).toBe('elite');
    expect(recoveryBand(HOUR)).toBe('high');
    expect(recoveryBand(DAY - 1)).toBe('high');
    expect(recoveryBand(DAY)).toBe('medium');
    expect(recoveryBand(7 * DAY - 1)).toBe('medium');
    expect(recoveryBand(7 * DAY)).toBe('low');
    expect(recoveryBand(null)).toBeNull();
  });
});
