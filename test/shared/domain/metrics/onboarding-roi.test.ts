import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES,
  DEFAULT_ROI_INPUTS,
  computeOnboarding,
  computeRoi,
  type ProductionDeploy,
  type TemplatedService,
} from '../../../../shared/domain/metrics';

const HOUR = 3600;
const DAY = 24 * HOUR;

describe('time to onboard: created from a template → first production deploy that went live', () => {
  const services: TemplatedService[] = [
    { serviceId: 's1', createdAt: '2026-01-10T00:00:00Z' },
    { serviceId: 's2', createdAt: '2026-02-01T00:00:00Z' },
    { serviceId: 's3', createdAt: '2026-03-31T23:00:00Z' }, // Q1 by its creation, deployed in Q2
    { serviceId: 's4', createdAt: '2026-04-01T00:00:00Z' },
    { serviceId: 's5', createdAt: '2026-05-01T00:00:00Z' },
    { serviceId: 's6', createdAt: '2026-06-01T00:00:00Z' }, // never live in production
    { serviceId: 's7', createdAt: '2026-07-01T00:00:00Z' }, // Q3: nothing in production yet
  ];
  const d = (serviceId: string, deployedAt: string, extra = {}): ProductionDeploy => ({
    serviceId,
    deployedAt,
    committedAt: null,
    ...extra,
  });
  const deploys: ProductionDeploy[] = [
    d('s1', '2026-01-10T03:00:00Z', { failed: true }), // failed: not healthy
    d('s1', '2026-01-10T06:00:00Z'), // s1: 6 h = 21600 s
    d('s2', '2026-01-01T00:00:00Z'), // before s2 existed (a reused id): ignored
    d('s2', '2026-02-05T00:00:00Z'), // listed first, but not the first in time
    d('s2', '2026-02-03T00:00:00Z'), // s2: 2 days = 172800 s
    d('s3', '2026-04-01T01:00:00Z'), // s3: 2 h = 7200 s
    d('s4', '2026-04-01T12:00:00Z'), // s4: 12 h = 43200 s
    d('s5', '2026-05-02T00:00:00Z'), // s5: 1 day = 86400 s
    d('s6', '2026-06-02T00:00:00Z', { failed: true }),
    d('s6', '2026-06-02T01:00:00Z', { rollback: true }),
  ];

  it('medians per quarter of creation: odd count, even count, and a quarter without a sample', () => {
    const onboarding = computeOnboarding(services, deploys);
    expect(onboarding.quarters).toEqual([
      // 7200, 21600, 172800 → the middle one
      { quarter: '2026-Q1', medianSeconds: 21600, services: 3 },
      // 43200, 86400 → (43200 + 86400) / 2 = 64800; s6 is not a sample
      { quarter: '2026-Q2', medianSeconds: 64800, services: 2 },
      { quarter: '2026-Q3', medianSeconds: null, services: 0 },
    ]);
    expect(onboarding.samples.map((s) => [s.serviceId, s.seconds])).toEqual([
      ['s1', 6 * HOUR],
      ['s2', 2 * DAY],
      ['s3', 2 * HOUR],
      ['s4', 12 * HOUR],
      ['s5', DAY],
    ]);
    expect(onboarding.samples[1]).toEqual({
      serviceId: 's2',
      createdAt: '2026-02-01T00:00:00.000Z',
      firstHealthyProductionAt: '2026-02-03T00:00:00.000Z',
      seconds: 172800,
    });
  });

  it('a range keeps the services created in it', () => {
    const q2 = computeOnboarding(services, deploys, {
      from: '2026-04-01T00:00:00Z',
      to: '2026-07-01T00:00:00Z',
    });
    expect(q2.quarters).toEqual([{ quarter: '2026-Q2', medianSeconds: 64800, services: 2 }]);
    expect(computeOnboarding([], deploys).quarters).toEqual([]);
  });
});

describe('ROI: uses × hours saved per use = hours; × hourly rate = value', () => {
  const usage = {
    ci_cd: { uses: 120, teams: 10 },
    templates: { uses: 3, teams: 3 },
    feature_flags: { uses: 40, teams: 4 },
  };

  it('with the defaults: 120 × 0.5 + 3 × 16 + 40 × 0.25 = 60 + 48 + 10 = 118 h × $100 = $11,800', () => {
    const roi = computeRoi(DEFAULT_ROI_INPUTS, usage);
    expect(roi.totalHours).toBe(118);
    expect(roi.totalUsd).toBe(11800);
    expect(roi.rows.find((r) => r.capability === 'ci_cd')).toEqual({
      capability: 'ci_cd',
      uses: 120,
      teams: 10,
      hoursSavedPerUse: 0.5,
      hours: 60,
      valueUsd: 6000,
    });
    expect(roi.rows.find((r) => r.capability === 'cache')).toMatchObject({
      uses: 0,
      teams: 0,
      hours: 0,
      valueUsd: 0,
    });
    expect(roi.rows.map((r) => r.capability)).toEqual([...CAPABILITIES]);
    expect(roi.inputs).toBe(DEFAULT_ROI_INPUTS);
  });

  it('edited inputs: CI/CD at 0.75 h and $150/h → (90 + 48 + 10) = 148 h × 150 = $22,200', () => {
    const inputs = {
      ...DEFAULT_ROI_INPUTS,
      hourlyRateUsd: 150,
      hoursSavedPerUse: { ...DEFAULT_ROI_INPUTS.hoursSavedPerUse, ci_cd: 0.75 },
    };
    const roi = computeRoi(inputs, usage);
    expect(roi.totalHours).toBe(148);
    expect(roi.totalUsd).toBe(22200);
  });

  it('every default says where it comes from; a negative input is refused', () => {
    for (const capability of CAPABILITIES) {
      expect(DEFAULT_ROI_INPUTS.sources[capability]).toMatch(/edit to your numbers/);
    }
    expect(() => computeRoi({ ...DEFAULT_ROI_INPUTS, hourlyRateUsd: -1 }, usage)).toThrow(RangeError);
  });
});
