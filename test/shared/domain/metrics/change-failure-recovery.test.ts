import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  computeDora,
  type ProductionDeploy,
  type ProductionIncident,
} from '../../../../shared/domain/metrics';

/** Failure windows, failures in a row and recovery without an incident; every number by hand. */
const range = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
const live = (
  deployedAt: string,
  committedAt: string | null = null,
  serviceId = 'svc',
): ProductionDeploy => ({
  serviceId,
  deployedAt,
  committedAt,
});
const rollback = (deployedAt: string, serviceId = 'svc'): ProductionDeploy => ({
  serviceId,
  deployedAt,
  committedAt: null,
  rollback: true,
});
const failed = (deployedAt: string, serviceId = 'svc'): ProductionDeploy => ({
  serviceId,
  deployedAt,
  committedAt: null,
  failed: true,
});
const changeFailures = (deploys: ProductionDeploy[], incidents: ProductionIncident[] = []) =>
  buildTimeline(deploys, incidents).deployments.map((d) => d.changeFailure);

describe('the 24-hour change-failure window', () => {
  it('a rollback 23 h after a deploy makes it a failure; 24 h + 1 ms after does not; exactly 24 h does', () => {
    const inside = changeFailures([live('2026-03-02T00:00:00Z'), rollback('2026-03-02T23:00:00Z')]);
    const outside = changeFailures([live('2026-03-02T00:00:00Z'), rollback('2026-03-03T00:00:00.001Z')]);
    const exactly = changeFailures([live('2026-03-02T00:00:00Z'), rollback('2026-03-03T00:00:00Z')]);
    expect([inside, outside, exactly]).toEqual([[true], [false], [true]]);
  });

  it('a rollback inside 24 h and one outside, on two deploys: 1 failure of 2 = 50 %', () => {
    const dora = computeDora(
      [
        live('2026-03-02T09:00:00Z'),
        rollback('2026-03-02T15:00:00Z'), // 6 h after the first → its failure
        live('2026-03-10T09:00:00Z'),
        rollback('2026-03-11T10:00:00Z'), // 25 h after the second → nobody's
      ],
      [],
      range,
    );
    expect(dora.deployments).toBe(2);
    expect(dora.failedDeployments).toBe(1);
    expect(dora.changeFailureRate).toBe(0.5);
    // Rework: the 2 rollbacks, no deployment within 24 h of a failure → 2 / (2 + 2).
    expect(dora.reworkRate).toBe(0.5);
  });

  it('a signal belongs to the latest deployment before it, and only to its own service', () => {
    const flags = changeFailures(
      [
        live('2026-03-02T09:00:00Z'),
        live('2026-03-02T10:00:00Z'),
        live('2026-03-02T09:30:00Z', null, 'other'),
      ],
      [
        // 2 h after the first deploy but after the second: the second's failure.
        { serviceId: 'svc', openedAt: '2026-03-02T11:00:00Z', resolvedAt: null },
      ],
    );
    // Deployments sorted by time: svc 09:00, other 09:30, svc 10:00.
    expect(flags).toEqual([false, false, true]);
  });

  it('a signal at the very instant of the next deployment belongs to that one, not the previous', () => {
    const flags = changeFailures(
      [live('2026-03-02T09:00:00Z'), live('2026-03-02T10:00:00Z')],
      [{ serviceId: 'svc', openedAt: '2026-03-02T10:00:00Z', resolvedAt: null }],
    );
    // Not "followed" either: it is not after the second one.
    expect(flags).toEqual([false, false]);
  });
});

describe('two failures in a row', () => {
  it('two failed deployments back to back, then a fix', () => {
    const dora = computeDora(
      [
        live('2026-03-02T10:00:00Z', '2026-03-02T09:00:00Z'), // H: lead 3600
        live('2026-03-02T11:00:00Z', '2026-03-02T10:50:00Z'), // I: lead 600, 1 h after failed H → rework
        live('2026-03-02T12:30:00Z', '2026-03-02T12:20:00Z'), // J: lead 600, 1.5 h after failed I → rework
      ],
      [
        { serviceId: 'svc', openedAt: '2026-03-02T10:10:00Z', resolvedAt: '2026-03-02T10:40:00Z' }, // H's: 1800 s
        { serviceId: 'svc', openedAt: '2026-03-02T11:10:00Z', resolvedAt: '2026-03-02T12:10:00Z' }, // I's: 3600 s
      ],
      range,
    );
    expect(dora.failedDeployments).toBe(2); // H and I
    expect(dora.changeFailureRate).toBeCloseTo(2 / 3, 12);
    expect(dora.reworkRate).toBeCloseTo(2 / 3, 12); // I and J of 3, no rollback
    expect(dora.recoveryMedianSeconds).toBe(2700); // (1800 + 3600) / 2
    expect(dora.recoveryBand).toBe('elite'); // 45 min < 1 h
    expect(dora.leadTimeMedianSeconds).toBe(600); // 600, 600, 3600
  });

  it('two failed deploys in a row are two recoveries to the same next live deploy', () => {
    const dora = computeDora(
      [
        live('2026-03-02T09:00:00Z'), // F: the failed deploy 1 h later makes it a change failure
        failed('2026-03-02T10:00:00Z'), // → G: 2 h = 7200 s
        failed('2026-03-02T11:00:00Z'), // → G: 1 h = 3600 s
        live('2026-03-02T12:00:00Z'), // G: rework (1 h after a failure)
      ],
      [],
      range,
    );
    expect(dora.deployments).toBe(2);
    expect(dora.failedDeployments).toBe(1); // F; G has nothing after it
    expect(dora.recoveries).toBe(2);
    expect(dora.recoveryMedianSeconds).toBe(5400); // (7200 + 3600) / 2
    expect(dora.reworkRate).toBe(0.5); // G of F, G
  });
});

describe('recovery from a failed deploy without an incident', () => {
  it('failed → the next live deploy of the service is the recovery; a failed deploy never followed is none', () => {
    const dora = computeDora(
      [
        failed('2026-03-03T10:00:00Z'),
        live('2026-03-03T13:00:00Z'), // 3 h after the failure = 10800 s
        failed('2026-03-04T10:00:00Z', 'other'), // nothing live after it on "other": no sample yet
        live('2026-03-05T10:00:00Z'), // svc's, not other's
      ],
      [],
      range,
    );
    expect(dora.recoveries).toBe(1);
    expect(dora.recoveryMedianSeconds).toBe(10800);
    expect(dora.recoveryBand).toBe('high'); // 3 h: ≥ 1 h, < 1 day
  });

  it('a rollback that went live ends a failed deploy too ("rollback finished")', () => {
    const dora = computeDora([failed('2026-03-03T10:00:00Z'), rollback('2026-03-03T10:20:00Z')], [], range);
    expect(dora.recoveryMedianSeconds).toBe(1200); // 20 min
    expect(dora.recoveryBand).toBe('elite');
  });

  it('the recovery may end after the range; it is counted in the range its failure started in', () => {
    const march = computeDora([failed('2026-03-31T23:00:00Z'), live('2026-04-01T01:00:00Z')], [], range);
    expect(march.recoveryMedianSeconds).toBe(7200);
    expect(march.deployments).toBe(0); // the fix itself is April's
  });
});
