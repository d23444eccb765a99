import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBeforeAfter, computeDora, type ProductionDeploy } from '../../../../shared/domain/metrics';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import type { EventData, PlatformEventKind } from '../../../../shared/features/events/api';
import {
  BeforeAfter,
  DoraKeys,
  MetricsReport,
  MetricsSettings,
  type Adoption,
} from '../../../../shared/features/metrics/api';
import { recordEvent } from '../../../../server/features/events/public';
import { createPool } from '../../../../server/db/pool';
import { withTransaction } from '../../../../server/db/transaction';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { seedMetricsOrg } from './metrics-people';

let platform: TestPlatform;
let pool: ReturnType<typeof createPool>;
let admin: ReturnType<typeof apiClient>;
let org: Awaited<ReturnType<typeof seedMetricsOrg>>;

const SHA = 'b'.repeat(40);
const RANGE = 'from=2026-01-05T00:00:00.000Z&to=2026-01-19T00:00:00.000Z';

async function event<K extends PlatformEventKind>(
  kind: K,
  serviceId: string,
  at: string,
  data: EventData<K>,
  environment: EnvironmentName | null = 'production',
) {
  await withTransaction(pool, (tx) => recordEvent(tx, { kind, serviceId, environment, at, data }));
}
const deploy = (
  deploymentId: string,
  committedAt: string,
  result: 'live' | 'failed' = 'live',
  canary = false,
) => ({
  deploymentId,
  version: '1',
  committedAt,
  result,
  canary,
});

beforeAll(async () => {
  platform = await startTestPlatform();
  pool = createPool(platform.databaseUrl);
  admin = apiClient(platform.url, platform.adminToken);
  org = await seedMetricsOrg(platform.url, platform.adminToken);
  const a = org.serviceA;
  const b = org.serviceB;
  // Team A's orders service, a week of trouble (times UTC; 2026-01-05 is a Monday):
  await event('service_created', a, '2026-01-04T10:00:00Z', { templateId: 'node-api' }, null);
  await event('deploy', a, '2026-01-05T10:00:00Z', deploy('d1', '2026-01-05T08:00:00Z')); // lead 2 h
  await event('incident_opened', a, '2026-01-05T12:00:00Z', { incidentId: 'i1', deploymentId: 'd1' }); // d1 failed
  await event('incident_resolved', a, '2026-01-05T12:30:00Z', {
    incidentId: 'i1',
    openedAt: '2026-01-05T12:00:00Z',
  });
  await event('deploy', a, '2026-01-05T14:00:00Z', deploy('d2', '2026-01-05T13:00:00Z')); // lead 1 h, rework
  await event(
    'pipeline_run',
    a,
    '2026-01-06T09:00:00Z',
    {
      runId: 'r1',
      commitSha: SHA,
      result: 'succeeded',
      failedStep: null,
      durationMs: 1000,
      steps: [],
    },
    null,
  );
  await event(
    'resource_provisioned',
    a,
    '2026-01-06T09:30:00Z',
    { resourceId: 'db1', kind: 'postgres' },
    null,
  );
  await event('deploy', a, '2026-01-07T09:00:00Z', deploy('d3', '2026-01-06T09:00:00Z', 'failed')); // failed deploy
  await event('deploy', a, '2026-01-07T10:00:00Z', deploy('d4', '2026-01-06T10:00:00Z')); // lead 1 d, rework, recovers d3 in 1 h
  await event('rollback', a, '2026-01-07T11:00:00Z', {
    deploymentId: 'd4b',
    fromVersion: '4',
    toVersion: '2',
  }); // d4 failed
  await event('deploy', a, '2026-01-12T10:00:00Z', deploy('d5', '2026-01-12T09:00:00Z')); // lead 1 h
  await event('deploy', a, '2026-01-08T10:00:00Z', deploy('s1', '2026-01-08T09:00:00Z'), 'staging'); // not production
  // Team B's billing service: one canary deploy, a staging incident, a flag.
  await event('deploy', b, '2026-01-06T10:00:00Z', deploy('e1', '2026-01-01T10:00:00Z', 'live', true)); // lead 5 d
  await event(
    'incident_opened',
    b,
    '2026-01-08T10:00:00Z',
    { incidentId: 'i2', deploymentId: null },
    'staging',
  );
  await event('flag_changed', b, '2026-01-09T10:00:00Z', {
    flagId: 'f1',
    key: 'new-checkout',
    change: 'enabled',
    rolloutPercent: null,
  });
});

afterAll(async () => {
  await pool?.end();
  await platform?.close();
});

/** The same rows as the pure functions take them (shared/domain/metrics): the reference. */
function referenceRows(only?: 'a' | 'b') {
  const a = org.serviceA;
  const b = org.serviceB;
  const deploys: ProductionDeploy[] = [
    { serviceId: a, deployedAt: '2026-01-05T10:00:00Z', committedAt: '2026-01-05T08:00:00Z' },
    { serviceId: a, deployedAt: '2026-01-05T14:00:00Z', committedAt: '2026-01-05T13:00:00Z' },
    { serviceId: a, deployedAt: '2026-01-07T09:00:00Z', committedAt: '2026-01-06T09:00:00Z', failed: true },
    { serviceId: a, deployedAt: '2026-01-07T10:00:00Z', committedAt: '2026-01-06T10:00:00Z' },
    { serviceId: a, deployedAt: '2026-01-07T11:00:00Z', committedAt: null, rollback: true },
    { serviceId: a, deployedAt: '2026-01-12T10:00:00Z', committedAt: '2026-01-12T09:00:00Z' },
    { serviceId: b, deployedAt: '2026-01-06T10:00:00Z', committedAt: '2026-01-01T10:00:00Z' },
  ];
  const incidents = [{ serviceId: a, openedAt: '2026-01-05T12:00:00Z', resolvedAt: '2026-01-05T12:30:00Z' }];
  const keep = only === undefined ? null : only === 'a' ? a : b;
  return {
    deploys: deploys.filter((row) => keep === null || row.serviceId === keep),
    incidents: incidents.filter((row) => keep === null || row.serviceId === keep),
  };
}

const range = { from: '2026-01-05T00:00:00.000Z', to: '2026-01-19T00:00:00.000Z' };

describe('GET /v1/metrics/dora', () => {
  it('counts the org by hand: 5 deployments, 2 change failures, median lead 2 h, recovery 45 min', async () => {
    const res = await admin('GET', `/v1/metrics/dora?scope=org&${RANGE}`);
    expect(res.status).toBe(200);
    const body = res.body as { scope: unknown; range: unknown; value: DoraKeys };
    expect(body.scope).toEqual({ kind: 'org' });
    expect(body.range).toEqual(range);
    const dora = DoraKeys.parse(body.value);
    expect(dora).toEqual({
      deploymentsPerDay: 5 / 14,
      deploymentsPerWeek: (5 / 14) * 7,
      deployments: 5,
      frequencyBand: 'high',
      leadTimeMedianSeconds: 7200,
      leadTimeBand: 'elite',
      leadTimeSamples: 5,
      changeFailureRate: 0.4,
      changeFailureBand: 'low',
      failedDeployments: 2,
      recoveryMedianSeconds: 2700, // incident 30 min, failed deploy → next live 1 h
      recoveryBand: 'elite',
      recoveries: 2,
      reworkRate: 0.5, // d2 and d4 after a failure, plus the rollback, of 5 deployments + 1 rollback
    });
    expect(dora).toEqual(computeDora(referenceRows().deploys, referenceRows().incidents, range));
  });

  it('narrows to a team and to a service', async () => {
    const team = (await admin('GET', `/v1/metrics/dora?scope=team:${org.teamA}&${RANGE}`)).body as {
      value: DoraKeys;
    };
    expect(team.value.deployments).toBe(4);
    expect(team.value.leadTimeMedianSeconds).toBe(5400);
    expect(team.value.changeFailureRate).toBe(0.5);
    expect(team.value.reworkRate).toBe(0.6);
    expect(team.value).toEqual(computeDora(referenceRows('a').deploys, referenceRows('a').incidents, range));

    const service = (await admin('GET', `/v1/metrics/dora?scope=service:${org.serviceB}&${RANGE}`)).body as {
      scope: unknown;
      value: DoraKeys;
    };
    expect(service.scope).toEqual({ kind: 'service', serviceId: org.serviceB });
    expect(service.value).toMatchObject({
      deployments: 1,
      leadTimeMedianSeconds: 5 * 86400,
      leadTimeBand: 'high',
      changeFailureRate: 0,
      changeFailureBand: 'elite',
      recoveryMedianSeconds: null,
      recoveryBand: null,
      reworkRate: 0,
    });
  });

  it('reads an empty period as no data, not as low', async () => {
    const res = await admin('GET', '/v1/metrics/dora?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z');
    expect((res.body as { value: DoraKeys }).value).toMatchObject({
      deployments: 0,
      deploymentsPerDay: null,
      frequencyBand: null,
      leadTimeMedianSeconds: null,
      changeFailureRate: null,
      recoveryMedianSeconds: null,
      reworkRate: null,
    });
  });
});

describe('other metrics', () => {
  it('weekly points: every week of the range, failures and production incidents by week', async () => {
    const res = await admin('GET', `/v1/metrics/weekly?${RANGE}`);
    expect(res.status).toBe(200);
    expect((res.body as { value: unknown }).value).toEqual([
      { weekStart: '2026-01-05', deployments: 4, leadTimeMedianSeconds: 46800, failures: 2, incidents: 1 },
      { weekStart: '2026-01-12', deployments: 1, leadTimeMedianSeconds: 3600, failures: 0, incidents: 0 },
    ]);
  });

  it('adoption over the last 30 days up to the range end; teams using the platform', async () => {
    const res = await admin('GET', `/v1/metrics/adoption?${RANGE}`);
    const adoption = (res.body as { value: Adoption }).value;
    const teams = adoption.teams;
    expect(teams).toBeGreaterThanOrEqual(2);
    expect(adoption.days).toBe(30);
    expect(adoption.teamsUsingPlatform).toBe(2);
    const row = (capability: string) => adoption.rows.find((r) => r.capability === capability);
    expect(row('ci_cd')).toMatchObject({ teamsUsing: 1, uses: 1, teams, share: 1 / teams });
    expect(row('templates')).toMatchObject({ teamsUsing: 1, uses: 1 });
    expect(row('observability')).toMatchObject({ teamsUsing: 2, uses: 2 }); // staging incidents count
    expect(row('db_provisioning')).toMatchObject({ teamsUsing: 1, uses: 1 });
    expect(row('canary')).toMatchObject({ teamsUsing: 1, uses: 1 });
    expect(row('feature_flags')).toMatchObject({ teamsUsing: 1, uses: 1 });
    expect(row('queue')).toMatchObject({ teamsUsing: 0, uses: 0, low: true });

    const narrow = await admin('GET', `/v1/metrics/adoption?${RANGE}&adoptionDays=1`);
    expect((narrow.body as { value: Adoption }).value.teamsUsingPlatform).toBe(0);
    const team = await admin('GET', `/v1/metrics/adoption?scope=team:${org.teamB}&${RANGE}`);
    const teamAdoption = (team.body as { value: Adoption }).value;
    expect(teamAdoption).toMatchObject({ teams: 1, teamsUsingPlatform: 1 });
    expect(teamAdoption.rows.find((r) => r.capability === 'ci_cd')).toMatchObject({ share: 0, low: true });
    expect(teamAdoption.rows.find((r) => r.capability === 'canary')).toMatchObject({ share: 1, low: false });
  });

  it('onboarding: template → first production deployment, by quarter of creation', async () => {
    const res = await admin('GET', `/v1/metrics/onboarding?scope=team:${org.teamA}`);
    expect((res.body as { value: unknown }).value).toEqual({
      quarters: [{ quarter: '2026-Q1', medianSeconds: 86400, services: 1 }],
      samples: [
        {
          serviceId: org.serviceA,
          createdAt: '2026-01-04T10:00:00.000Z',
          firstHealthyProductionAt: '2026-01-05T10:00:00.000Z',
          seconds: 86400,
        },
      ],
    });
  });

  it('ROI: uses in the range × hours saved × rate, with the inputs shown', async () => {
    const res = await admin('GET', `/v1/metrics/roi?${RANGE}`);
    const roi = (
      res.body as {
        value: { totalHours: number; totalUsd: number; rows: { capability: string; uses: number }[] };
      }
    ).value;
    // ci_cd 1 × 0.5 + observability 2 × 1 + db 1 × 4 + flags 1 × 0.25 + canary 1 × 0.5 (the template was before the range)
    expect(roi.totalHours).toBe(7.25);
    expect(roi.totalUsd).toBe(725);
    expect(roi.rows.find((r) => r.capability === 'templates')?.uses).toBe(0);
  });

  it('the whole report in one round trip, valid against the shared schema', async () => {
    const res = await admin('GET', `/v1/metrics?${RANGE}`);
    expect(res.status).toBe(200);
    const report = MetricsReport.parse(res.body);
    expect(report.leadTimeHistogram).toEqual([
      { bucket: '< 1 h', count: 0 },
      { bucket: '1 h – 1 d', count: 3 },
      { bucket: '1 d – 1 w', count: 2 },
      { bucket: '1 w – 30 d', count: 0 },
      { bucket: '≥ 30 d', count: 0 },
    ]);
    expect(report.dora.deployments).toBe(5);
  });
});

describe('before and after the launch', () => {
  it('splits at the launch date in the settings, as the pure functions do', async () => {
    const lead = apiClient(platform.url, org.leadToken);
    const current = MetricsSettings.parse((await lead('GET', '/v1/metrics/settings')).body);
    const put = await lead('PUT', '/v1/metrics/settings', {
      ...current,
      launchDate: '2026-01-07T00:00:00.000Z',
    });
    expect(put.status).toBe(200);
    expect(MetricsSettings.parse(put.body).launchDate).toBe('2026-01-07T00:00:00.000Z');

    const res = await admin('GET', `/v1/metrics/before-after?${RANGE}`);
    const split = BeforeAfter.parse((res.body as { value: unknown }).value);
    expect(split.before).toMatchObject({ from: range.from, to: '2026-01-07T00:00:00.000Z', deployments: 3 });
    expect(split.after).toMatchObject({ from: '2026-01-07T00:00:00.000Z', to: range.to, deployments: 2 });
    expect(split.improvement.deploymentsPerWeek.percent).toBeCloseTo(((7 / 6 - 10.5) / 10.5) * 100, 9);
    expect(split.improvement.deploymentsPerWeek.better).toBe(false);
    const { deploys, incidents } = referenceRows();
    expect(split).toEqual(computeBeforeAfter(deploys, incidents, range, '2026-01-07T00:00:00.000Z'));

    // A team's own launch is its first use of the platform.
    const team = await admin('GET', `/v1/metrics/before-after?scope=team:${org.teamB}&${RANGE}`);
    expect((team.body as { value: BeforeAfter }).value.launchDate).toBe('2026-01-06T10:00:00.000Z');
  });

  it('audits the change; an engineer may not change the settings', async () => {
    const { rows } = await pool.query("SELECT 1 FROM audit_log WHERE action = 'metrics.settings.update'");
    expect(rows.length).toBeGreaterThan(0);
    const engineer = apiClient(platform.url, org.engineerToken);
    const current = (await engineer('GET', '/v1/metrics/settings')).body as MetricsSettings;
    const res = await engineer('PUT', '/v1/metrics/settings', { ...current, adoptionDays: 7 });
    expect(res.status).toBe(403);
    expect((res.body as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('refuses bad settings with 400 and keeps the old ones', async () => {
    const before = (await admin('GET', '/v1/metrics/settings')).body as MetricsSettings;
    const bad = await admin('PUT', '/v1/metrics/settings', { ...before, adoptionDays: 0 });
    expect(bad.status).toBe(400);
    const negative = await admin('PUT', '/v1/metrics/settings', {
      ...before,
      roi: { ...before.roi, hourlyRateUsd: -5 },
    });
    expect(negative.status).toBe(400);
    expect((await admin('GET', '/v1/metrics/settings')).body).toEqual(before);
  });
});

describe('bad queries', () => {
  it.each([
    ['scope=everything', 400],
    ['scope=team:', 400],
    ['from=yesterday', 400],
    ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 400],
    ['adoptionDays=0', 400],
    ['adoptionDays=400', 400],
    ['scope=team:no-such-team', 404],
    ['scope=service:no-such-service', 404],
  ])('%s → %i', async (query, status) => {
    const res = await admin('GET', `/v1/metrics/dora?${query}`);
    expect(res.status).toBe(status);
    expect((res.body as { error: { message: string } }).error.message).toBeTruthy();
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${platform.url}/v1/openapi.json`)).json()) as {
      paths: Record<string, object>;
    };
    for (const path of [
      '',
      '/dora',
      '/adoption',
      '/before-after',
      '/onboarding',
      '/roi',
      '/weekly',
      '/settings',
      '/imports',
    ]) {
      expect(doc.paths, path).toHaveProperty([`/v1/metrics${path}`]);
    }
  });

  it('needs a token', async () => {
    const res = await apiClient(platform.url)('GET', '/v1/metrics');
    expect(res.status).toBe(401);
  });
});
