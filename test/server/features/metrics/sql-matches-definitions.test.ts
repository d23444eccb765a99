import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeBeforeAfter,
  computeDora,
  weeklyTrend,
  type MetricRange,
  type ProductionDeploy,
  type ProductionIncident,
} from '../../../../shared/domain/metrics';
import type { BeforeAfter, DoraKeys, WeeklyPoint } from '../../../../shared/features/metrics/api';
import { recordEvent } from '../../../../server/features/events/public';
import { createPool } from '../../../../server/db/pool';
import { withTransaction } from '../../../../server/db/transaction';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { seedMetricsOrg } from './metrics-people';
import { randomHistory, shuffled, type HistoryIncident, type HistoryItem } from './random-history';

/**
 * The platform's SQL (classified facts, percentile_cont) and the pure definitions
 * (shared/domain/metrics) must give the same DORA keys on the same data: a few hundred seeded
 * deploys and incidents, written in shuffled order — through recordEvent and through the import —
 * so the facts' incremental classification meets every out-of-order case.
 */

let platform: TestPlatform;
let pool: ReturnType<typeof createPool>;
let admin: ReturnType<typeof apiClient>;
let services: { id: string; name: string; teamId: string }[];
let history: { deploys: HistoryItem[]; incidents: HistoryIncident[] };

const START = Date.parse('2025-06-02T00:00:00Z');
const DAYS = 70;

beforeAll(async () => {
  platform = await startTestPlatform();
  pool = createPool(platform.databaseUrl);
  admin = apiClient(platform.url, platform.adminToken);
  const org = await seedMetricsOrg(platform.url, platform.adminToken);
  const extra = async (name: string, teamId: string) => {
    const body = (
      await admin('POST', '/v1/services', {
        name: `${name}-${org.suffix}`,
        title: name,
        ownerTeamId: teamId,
        tier: 2,
        lifecycle: 'production',
      })
    ).body as { id: string };
    return { id: body.id, name: `${name}-${org.suffix}`, teamId };
  };
  services = [
    { id: org.serviceA, name: org.serviceAName, teamId: org.teamA },
    { id: org.serviceB, name: org.serviceBName, teamId: org.teamB },
    await extra('search', org.teamA),
    await extra('ledger', org.teamB),
  ];
  history = randomHistory(
    10,
    services.map((s) => s.id),
    START,
    DAYS,
    { deploys: 320, incidents: 70 },
  );
  await writeHistory(history);
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await platform?.close();
});

async function writeHistory({ deploys, incidents }: typeof history): Promise<void> {
  type Write = () => Promise<unknown>;
  const writes: Write[] = [];
  deploys.forEach((deploy, i) => {
    if (deploy.source !== 'platform') return;
    writes.push(() =>
      withTransaction(pool, (tx) =>
        deploy.rollback
          ? recordEvent(tx, {
              kind: 'rollback',
              serviceId: deploy.serviceId,
              environment: 'production',
              at: deploy.deployedAt,
              data: { deploymentId: `rb${i}`, fromVersion: '2', toVersion: '1' },
            })
          : recordEvent(tx, {
              kind: 'deploy',
              serviceId: deploy.serviceId,
              environment: 'production',
              at: deploy.deployedAt,
              data: {
                deploymentId: `d${i}`,
                version: String(i),
                committedAt: deploy.committedAt ?? deploy.deployedAt,
                result: deploy.failed ? 'failed' : 'live',
                canary: false,
              },
            }),
      ),
    );
  });
  incidents.forEach((incident, i) => {
    if (incident.source !== 'platform') return;
    const target = { serviceId: incident.serviceId, environment: 'production' as const };
    writes.push(() =>
      withTransaction(pool, (tx) =>
        recordEvent(tx, {
          ...target,
          kind: 'incident_opened',
          at: incident.openedAt,
          data: { incidentId: `i${i}`, deploymentId: null },
        }),
      ),
    );
    if (incident.resolvedAt) {
      const resolvedAt = incident.resolvedAt;
      writes.push(() =>
        withTransaction(pool, (tx) =>
          recordEvent(tx, {
            ...target,
            kind: 'incident_resolved',
            at: resolvedAt,
            data: { incidentId: `i${i}`, openedAt: incident.openedAt },
          }),
        ),
      );
    }
  });
  const name = new Map(services.map((s) => [s.id, s.name]));
  const importedDeploys = shuffled(
    deploys.filter((d) => d.source === 'import'),
    11,
  ).map(
    (d, i) =>
      `${name.get(d.serviceId)},production,${(0xabc0000 + i).toString(16)},${d.committedAt ?? ''},${d.deployedAt},${d.failed ? 'failure' : 'success'}`,
  );
  const importedIncidents = incidents
    .filter((incident) => incident.source === 'import')
    .map((incident) =>
      JSON.stringify({
        service: name.get(incident.serviceId),
        opened_at: incident.openedAt,
        resolved_at: incident.resolvedAt ?? '',
      }),
    );
  const half = importedDeploys.length >> 1;
  const header = 'service,environment,commit_sha,commit_time,deploy_time,status';
  const importFile = (kind: string, type: string, body: string) => async () => {
    const res = await admin('POST', `/v1/metrics/imports?kind=${kind}`, body, { 'content-type': type });
    if (res.status !== 200 || (res.body as { refused: unknown[] }).refused.length) {
      throw new Error(`import refused: ${JSON.stringify(res.body)}`);
    }
  };
  writes.push(importFile('deployments', 'text/csv', [header, ...importedDeploys.slice(0, half)].join('\n')));
  writes.push(importFile('deployments', 'text/csv', [header, ...importedDeploys.slice(half)].join('\n')));
  writes.push(importFile('incidents', 'application/x-ndjson', importedIncidents.join('\n')));
  for (const write of shuffled(writes, 12)) await write();
}

function reference(keep: (serviceId: string) => boolean): {
  deploys: ProductionDeploy[];
  incidents: ProductionIncident[];
} {
  return {
    deploys: history.deploys.filter((d) => keep(d.serviceId)),
    incidents: history.incidents.filter((i) => keep(i.serviceId)),
  };
}

/** Equal, numbers to 1e-9 relative: percentile_cont interpolates as a + (b − a)/2, the mean (a + b)/2. */
function expectSame(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      Math.abs(expected) * 1e-9,
    );
  } else if (expected && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      expectSame((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;
const RANGES: MetricRange[] = [
  { from: iso(START), to: iso(START + DAYS * DAY) },
  { from: iso(START + 10 * DAY), to: iso(START + 31 * DAY) },
  { from: iso(START + 40 * DAY + 12_345_678), to: iso(START + 47 * DAY + 999) },
  { from: iso(START - 30 * DAY), to: iso(START + 1 * DAY) },
];

describe('platform SQL = shared/domain/metrics on seeded random history', () => {
  it('has the history it was given', async () => {
    const facts = await pool.query<{ n: string }>('SELECT count(*) AS n FROM delivery_facts');
    expect(Number(facts.rows[0]?.n)).toBe(history.deploys.length);
    const incidents = await pool.query<{ n: string }>('SELECT count(*) AS n FROM incident_facts');
    expect(Number(incidents.rows[0]?.n)).toBe(history.incidents.length);
  });

  it.each(RANGES.map((range, i) => [i, range] as const))(
    'DORA keys, range %i, org, teams and a service',
    async (_, range) => {
      const query = `from=${range.from}&to=${range.to}`;
      const scopes: [string, (serviceId: string) => boolean][] = [
        ['org', () => true],
        ...[...new Set(services.map((s) => s.teamId))].map(
          (teamId) =>
            [`team:${teamId}`, (id: string) => services.find((s) => s.id === id)?.teamId === teamId] as [
              string,
              (id: string) => boolean,
            ],
        ),
        [`service:${services[2]?.id}`, (id: string) => id === services[2]?.id],
      ];
      for (const [scope, keep] of scopes) {
        const res = await admin('GET', `/v1/metrics/dora?scope=${scope}&${query}`);
        const { deploys, incidents } = reference(keep);
        expectSame((res.body as { value: DoraKeys }).value, computeDora(deploys, incidents, range), scope);
      }
    },
  );

  it('weekly points and before/after', async () => {
    const range = RANGES[0] as MetricRange;
    const query = `from=${range.from}&to=${range.to}`;
    const { deploys, incidents } = reference(() => true);
    const weekly = await admin('GET', `/v1/metrics/weekly?${query}`);
    expectSame((weekly.body as { value: WeeklyPoint[] }).value, weeklyTrend(deploys, incidents, range));

    const launch = iso(START + 33 * DAY);
    const settings = (await admin('GET', '/v1/metrics/settings')).body as Record<string, unknown>;
    expect((await admin('PUT', '/v1/metrics/settings', { ...settings, launchDate: launch })).status).toBe(
      200,
    );
    const split = await admin('GET', `/v1/metrics/before-after?${query}`);
    expectSame(
      (split.body as { value: BeforeAfter }).value,
      computeBeforeAfter(deploys, incidents, range, launch),
    );
  });

  it('incremental classification equals a full re-classification', async () => {
    const snapshot = async () =>
      (await pool.query('SELECT id, change_failure, rework, recovered_at FROM delivery_facts ORDER BY id'))
        .rows;
    const before = await snapshot();
    expect(before.some((row) => row.change_failure)).toBe(true);
    expect(before.some((row) => row.rework)).toBe(true);
    const counters = async () => ({
      delivery: (
        await pool.query(
          'SELECT * FROM delivery_daily WHERE incidents <> 0 OR deployments <> 0 OR rollbacks <> 0 OR recoveries <> 0 OR lead_samples <> 0 ORDER BY team_id, day',
        )
      ).rows,
      capability: (
        await pool.query('SELECT * FROM capability_daily WHERE uses <> 0 ORDER BY team_id, day, capability')
      ).rows,
    });
    const kept = await counters();
    expect(kept.delivery.length).toBeGreaterThan(0);
    await pool.query('UPDATE delivery_facts SET change_failure = false, rework = false, recovered_at = NULL');
    await pool.query('SELECT metrics_classify_all()');
    expect(await snapshot()).toEqual(before);
    // The daily counters the triggers kept row by row equal a count from scratch.
    expect(await counters()).toEqual(kept);
  });
});
