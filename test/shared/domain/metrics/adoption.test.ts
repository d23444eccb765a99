import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES,
  capabilityOfEvent,
  computeAdoption,
  type CapabilityUse,
} from '../../../../shared/domain/metrics';

/**
 * Four teams, a 30-day window ending 31 March 2026 12:00 UTC: [1 March 12:00, 31 March 12:00], both
 * ends included.
 */
const asOf = '2026-03-31T12:00:00.000Z';
const teams = ['t1', 't2', 't3', 't4'];
const uses: CapabilityUse[] = [
  { teamId: 't1', capability: 'ci_cd', at: '2026-03-01T12:00:00.000Z' }, // exactly the window's start: in
  { teamId: 't2', capability: 'ci_cd', at: '2026-03-01T11:59:59.999Z' }, // 1 ms before: out
  { teamId: 't1', capability: 'ci_cd', at: '2026-03-20T08:00:00.000Z' }, // t1's second use
  { teamId: 't4', capability: 'ci_cd', at: '2026-03-10T08:00:00.000Z' },
  { teamId: 't2', capability: 'templates', at: '2026-03-31T12:00:00.000Z' }, // exactly asOf: in
  { teamId: 't3', capability: 'templates', at: '2026-03-31T12:00:00.001Z' }, // after asOf: out
  { teamId: 't3', capability: 'feature_flags', at: '2026-03-15T08:00:00.000Z' },
  { teamId: null, capability: 'ci_cd', at: '2026-03-15T08:00:00.000Z' }, // no team: ignored
  { teamId: 't9', capability: 'ci_cd', at: '2026-03-15T08:00:00.000Z' }, // not a counted team: ignored
];

describe('adoption per capability', () => {
  it('30 days: teams using each capability, their share, uses, and the low ones', () => {
    const adoption = computeAdoption({
      teams,
      uses,
      asOf,
      days: 30,
      supportRequests: { ci_cd: 7, cache: 2 },
      surveyScores: { templates: 3.8 },
    });
    // Teams using at least one: t1, t4 (ci_cd), t2 (templates), t3 (feature_flags) = 4 of 4.
    expect(adoption).toMatchObject({ days: 30, teamsUsingPlatform: 4, teams: 4 });
    const row = (capability: string) => adoption.rows.find((r) => r.capability === capability);
    // ci_cd: t1 and t4 = 2/4 = 0.5 — exactly the threshold, not low (low is < 0.5); uses 2 + 1 = 3.
    expect(row('ci_cd')).toEqual({
      capability: 'ci_cd',
      teamsUsing: 2,
      teams: 4,
      share: 0.5,
      uses: 3,
      supportRequests: 7,
      surveyScore: null,
      low: false,
    });
    // templates: t2 only = 1/4 = 0.25 → low, next to its survey score.
    expect(row('templates')).toEqual({
      capability: 'templates',
      teamsUsing: 1,
      teams: 4,
      share: 0.25,
      uses: 1,
      supportRequests: 0,
      surveyScore: 3.8,
      low: true,
    });
    expect(row('feature_flags')).toMatchObject({ teamsUsing: 1, share: 0.25, uses: 1, low: true });
    // cache: nobody uses it, 2 support requests → the usability problem the page calls out.
    expect(row('cache')).toMatchObject({ teamsUsing: 0, share: 0, uses: 0, supportRequests: 2, low: true });
    expect(adoption.rows.map((r) => r.capability)).toEqual([...CAPABILITIES]);
  });

  it('7 days: [24 March 12:00, 31 March 12:00] holds only t2’s template use at asOf', () => {
    const adoption = computeAdoption({ teams, uses, asOf, days: 7 });
    expect(adoption.teamsUsingPlatform).toBe(1);
    expect(adoption.rows.filter((r) => r.teamsUsing > 0).map((r) => r.capability)).toEqual(['templates']);
  });

  it('a team scope counts only that team; a configurable low threshold', () => {
    const adoption = computeAdoption({ teams: ['t1'], uses, asOf, days: 30, lowShare: 0.8 });
    expect(adoption.teamsUsingPlatform).toBe(1);
    expect(adoption.rows[0]).toMatchObject({
      capability: 'ci_cd',
      teamsUsing: 1,
      teams: 1,
      share: 1,
      uses: 2,
      low: false,
    });
    expect(adoption.rows[1]).toMatchObject({ capability: 'templates', share: 0, low: true });
  });

  it('no teams: shares 0 and nothing called out; a window of no days is refused', () => {
    const adoption = computeAdoption({ teams: [], uses, asOf, days: 30 });
    expect(adoption.teamsUsingPlatform).toBe(0);
    expect(adoption.rows.every((r) => r.share === 0 && !r.low && r.uses === 0)).toBe(true);
    expect(() => computeAdoption({ teams, uses, asOf, days: 0 })).toThrow(RangeError);
  });
});

describe('which platform event is a use of which capability', () => {
  it('maps each kind, by its data where it matters', () => {
    const of = (kind: string, data: Record<string, unknown> = {}) => capabilityOfEvent({ kind, data });
    expect(of('pipeline_run')).toBe('ci_cd');
    expect(of('service_created', { templateId: 'tpl-node' })).toBe('templates');
    expect(of('service_created', { templateId: null })).toBeNull(); // created by hand
    expect(of('incident_opened', { incidentId: 'i1', deploymentId: null })).toBe('observability');
    expect(of('resource_provisioned', { kind: 'postgres' })).toBe('db_provisioning');
    expect(of('resource_provisioned', { kind: 'cache' })).toBe('cache');
    expect(of('resource_provisioned', { kind: 'queue' })).toBe('queue');
    expect(of('resource_provisioned', { kind: 'bucket' })).toBeNull();
    expect(of('flag_changed', { change: 'enabled' })).toBe('feature_flags');
    expect(of('deploy', { canary: true })).toBe('canary');
    expect(of('deploy', { canary: false })).toBeNull();
    expect(of('canary_decision', { decision: 'promoted' })).toBe('canary');
    expect([of('push'), of('rollback'), of('incident_resolved')]).toEqual([null, null, null]);
  });
});
