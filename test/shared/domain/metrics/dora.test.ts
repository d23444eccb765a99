import { describe, expect, it } from 'vitest';
import {
  computeDora,
  type ProductionDeploy,
  type ProductionIncident,
} from '../../../../shared/domain/metrics';

/**
 * Golden DORA keys, every expected number worked out by hand in the comment next to it.
 * A two-week range, Monday 2 March → Monday 16 March 2026 (14 days), two services.
 */
const deploy = (
  serviceId: string,
  deployedAt: string,
  committedAt: string | null,
  extra = {},
): ProductionDeploy => ({
  serviceId,
  deployedAt,
  committedAt,
  ...extra,
});
const range = { from: '2026-03-02T00:00:00Z', to: '2026-03-16T00:00:00Z' };

const deploys: ProductionDeploy[] = [
  deploy('api', '2026-03-02T10:00:00Z', '2026-03-02T08:00:00Z'), // d1: lead 2 h = 7200 s
  deploy('api', '2026-03-03T10:00:00Z', '2026-03-02T10:00:00Z'), // d2: lead 24 h = 86400 s; incident 2 h later → failure
  deploy('api', '2026-03-03T14:00:00Z', '2026-03-03T13:00:00Z'), // d3: lead 1 h = 3600 s; 4 h after failed d2 → rework
  deploy('api', '2026-03-09T09:00:00Z', null), // d4: no commit time; rolled back 30 min later → failure
  deploy('api', '2026-03-09T09:30:00Z', null, { rollback: true }), // the rollback: rework, not a deployment
  deploy('web', '2026-03-04T16:00:00Z', '2026-03-01T16:00:00Z'), // d5: lead 3 days = 259200 s; failed deploy 18 h later → failure
  deploy('web', '2026-03-05T10:00:00Z', '2026-03-05T09:00:00Z', { failed: true }), // recovered by d6 1.5 h later
  deploy('web', '2026-03-05T11:30:00Z', '2026-03-05T09:30:00Z'), // d6: lead 2 h = 7200 s; after failures → rework
  deploy('web', '2026-03-12T08:00:00Z', '2026-03-11T08:00:00Z'), // d7: lead 24 h = 86400 s
];
const incidents: ProductionIncident[] = [
  { serviceId: 'api', openedAt: '2026-03-03T12:00:00Z', resolvedAt: '2026-03-03T12:45:00Z' }, // 45 min = 2700 s
  { serviceId: null, openedAt: '2026-03-10T00:00:00Z', resolvedAt: '2026-03-10T06:00:00Z' }, // 6 h = 21600 s
  { serviceId: 'api', openedAt: '2026-03-14T00:00:00Z', resolvedAt: null }, // open: no sample; 4½ days after d4
];

describe('DORA keys on a small realistic data set', () => {
  const dora = computeDora(deploys, incidents, range);

  it('deployment frequency: 7 deployments in 14 days = 0.5 a day = 3.5 a week → high', () => {
    // d1..d7; the rollback and the failed deploy are not deployments.
    expect(dora.deployments).toBe(7);
    expect(dora.deploymentsPerDay).toBe(0.5);
    expect(dora.deploymentsPerWeek).toBe(3.5);
    expect(dora.frequencyBand).toBe('high'); // ≥ 1/week, < 1/day
  });

  it('lead time: median of 6 samples (d4 has no commit time) = (7200 + 86400) / 2 = 46800 s → elite', () => {
    // sorted: 3600, 7200, 7200, 86400, 86400, 259200 → the two middle ones are 7200 and 86400.
    expect(dora.leadTimeSamples).toBe(6);
    expect(dora.leadTimeMedianSeconds).toBe(46800);
    expect(dora.leadTimeBand).toBe('elite'); // 13 h < 1 day
  });

  it('change failure: d2 (incident), d4 (rollback), d5 (failed deploy) = 3/7 → low', () => {
    // d1: the incident of 3 March 12:00 comes after d2 (the next deployment) and 26 h later → not d1's.
    // d3: the rollback of 9 March is 5 days later → no. d6, d7: nothing follows.
    expect(dora.failedDeployments).toBe(3);
    expect(dora.changeFailureRate).toBeCloseTo(3 / 7, 12); // 0.428571…
    expect(dora.changeFailureBand).toBe('low'); // > 15 %
  });

  it('recovery: median of 2700 (incident), 5400 (failed deploy → d6), 21600 (incident, no service) = 5400 s → high', () => {
    expect(dora.recoveries).toBe(3);
    expect(dora.recoveryMedianSeconds).toBe(5400);
    expect(dora.recoveryBand).toBe('high'); // 1.5 h: ≥ 1 h, < 1 day
  });

  it('rework: (d3 + d6 + the rollback) ÷ (7 deployments + 1 rollback) = 3/8', () => {
    // d3 is 4 h after failed d2; d6 is 1.5 h after the failed deploy (and 19.5 h after failed d5).
    // d4 is 6 days after d2, d7 7 days after d5: not rework.
    expect(dora.reworkRate).toBe(0.375);
  });
});

describe('edge periods', () => {
  it('an empty period: counts 0, every rate and median null, every band null', () => {
    expect(computeDora([], [], range)).toEqual({
      deploymentsPerDay: null,
      deploymentsPerWeek: null,
      deployments: 0,
      frequencyBand: null,
      leadTimeMedianSeconds: null,
      leadTimeBand: null,
      leadTimeSamples: 0,
      changeFailureRate: null,
      changeFailureBand: null,
      failedDeployments: 0,
      recoveryMedianSeconds: null,
      recoveryBand: null,
      recoveries: 0,
      reworkRate: null,
    });
  });

  it('a range with data only outside it is empty too (from included, to excluded)', () => {
    const dora = computeDora(deploys, incidents, {
      from: '2026-03-16T00:00:00Z',
      to: '2026-03-20T00:00:00Z',
    });
    expect(dora.deployments).toBe(0);
    expect(dora.recoveries).toBe(0); // the open incident of 14 March is before the range anyway
    // A deployment exactly at `to` belongs to the next range; exactly at `from` to this one.
    const edge = [deploy('api', '2026-03-16T00:00:00Z', null), deploy('api', '2026-03-20T00:00:00Z', null)];
    expect(
      computeDora(edge, [], { from: '2026-03-16T00:00:00Z', to: '2026-03-20T00:00:00Z' }).deployments,
    ).toBe(1);
  });

  it('a single deploy in a week: 1/7 a day = exactly 1 a week → high; lead 2 h; no failure, no rework', () => {
    const dora = computeDora([deploy('api', '2026-03-02T10:00:00Z', '2026-03-02T08:00:00Z')], [], {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
    });
    expect(dora).toEqual({
      deploymentsPerDay: 1 / 7,
      deploymentsPerWeek: 1, // (1/7)·7
      deployments: 1,
      frequencyBand: 'high',
      leadTimeMedianSeconds: 7200,
      leadTimeBand: 'elite',
      leadTimeSamples: 1,
      changeFailureRate: 0, // 0/1
      changeFailureBand: 'elite',
      failedDeployments: 0,
      recoveryMedianSeconds: null,
      recoveryBand: null,
      recoveries: 0,
      reworkRate: 0, // 0/1
    });
  });

  it('incidents without a deploy: recovery only (median of 1 h and 3 h = 2 h → high), no deployment keys', () => {
    const dora = computeDora(
      [],
      [
        { serviceId: 'api', openedAt: '2026-03-04T10:00:00Z', resolvedAt: '2026-03-04T11:00:00Z' }, // 3600 s
        { serviceId: 'api', openedAt: '2026-03-05T10:00:00Z', resolvedAt: '2026-03-05T13:00:00Z' }, // 10800 s
      ],
      range,
    );
    expect(dora.deployments).toBe(0);
    expect(dora.deploymentsPerDay).toBeNull();
    expect(dora.changeFailureRate).toBeNull();
    expect(dora.failedDeployments).toBe(0);
    expect(dora.reworkRate).toBeNull();
    expect(dora.recoveries).toBe(2);
    expect(dora.recoveryMedianSeconds).toBe(7200); // (3600 + 10800) / 2
    expect(dora.recoveryBand).toBe('high');
  });

  it('deploys without a commit time count as deployments but not in lead time', () => {
    const dora = computeDora(
      [
        deploy('api', '2026-03-02T10:00:00Z', null),
        deploy('api', '2026-03-03T10:00:00Z', null),
        deploy('api', '2026-03-04T10:00:00Z', null),
        // A commit "after" its deploy is bad data: skipped from lead time, still a deployment.
        deploy('api', '2026-03-05T10:00:00Z', '2026-03-05T11:00:00Z'),
      ],
      [],
      range,
    );
    expect(dora.deployments).toBe(4);
    expect(dora.deploymentsPerDay).toBeCloseTo(4 / 14, 12);
    expect(dora.leadTimeSamples).toBe(0);
    expect(dora.leadTimeMedianSeconds).toBeNull();
    expect(dora.leadTimeBand).toBeNull();
  });

  it('a range of zero length has no rate', () => {
    const instant = { from: '2026-03-02T10:00:00Z', to: '2026-03-02T10:00:00Z' };
    expect(
      computeDora([deploy('api', '2026-03-02T10:00:00Z', null)], [], instant).deploymentsPerDay,
    ).toBeNull();
  });

  it('refuses a range that ends before it starts and a date that is not one', () => {
    expect(() => computeDora([], [], { from: range.to, to: range.from })).toThrow(RangeError);
    expect(() => computeDora([deploy('api', 'yesterday', null)], [], range)).toThrow(/not an ISO date-time/);
  });
});
