import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportReport, type DoraKeys } from '../../../../shared/features/metrics/api';
import { createPool } from '../../../../server/db/pool';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { seedMetricsOrg } from './metrics-people';

let platform: TestPlatform;
let pool: ReturnType<typeof createPool>;
let lead: ReturnType<typeof apiClient>;
let org: Awaited<ReturnType<typeof seedMetricsOrg>>;

const CSV = 'text/csv';
const NDJSON = 'application/x-ndjson';
const RANGE = 'from=2024-03-01T00:00:00.000Z&to=2024-04-01T00:00:00.000Z';

beforeAll(async () => {
  platform = await startTestPlatform();
  pool = createPool(platform.databaseUrl);
  org = await seedMetricsOrg(platform.url, platform.adminToken);
  lead = apiClient(platform.url, org.leadToken);
});

afterAll(async () => {
  await pool?.end();
  await platform?.close();
});

const post = async (query: string, body: string, type: string, client = lead) => {
  const res = await client('POST', `/v1/metrics/imports?${query}`, body, { 'content-type': type });
  return {
    status: res.status,
    body: res.body as ImportReport & { error?: { code: string; message: string } },
  };
};
const count = async (table: string) =>
  Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
const dora = async (scope = 'org') =>
  ((await lead('GET', `/v1/metrics/dora?scope=${scope}&${RANGE}`)).body as { value: DoraKeys }).value;

function deploymentsCsv(service: string): string {
  return [
    'service,environment,commit_sha,commit_time,deploy_time,status',
    `${service},production,abc1234,2024-03-04T09:00:00Z,2024-03-04T15:00:00Z,success`,
    `${service},production,abc1235,2024-03-11T09:00:00Z,2024-03-12T09:00:00Z,success`,
    `${service},production,abc1236,,2024-03-12T11:00:00Z,failure`,
    `${service},production,abc1237,2024-03-12T11:30:00Z,2024-03-12T12:00:00Z,success`,
    `${service},staging,abc1238,2024-03-13T09:00:00Z,2024-03-13T10:00:00Z,success`,
  ].join('\n');
}

describe('POST /v1/metrics/imports', () => {
  it('a dry run reports what would happen and writes nothing', async () => {
    const res = await post('kind=deployments&dryRun=1', deploymentsCsv(org.serviceAName), CSV);
    expect(res.status).toBe(200);
    expect(ImportReport.parse(res.body)).toEqual({
      kind: 'deployments',
      accepted: 5,
      duplicates: 0,
      refused: [],
      applied: false,
    });
    expect(await count('imported_deployments')).toBe(0);
    expect(await count('metric_imports')).toBe(0);
  });

  it('imports a CSV of deployments into the metrics; a re-import changes nothing', async () => {
    const res = await post('kind=deployments', deploymentsCsv(org.serviceAName), CSV);
    expect(res.body).toEqual({ kind: 'deployments', accepted: 5, duplicates: 0, refused: [], applied: true });
    const after = await dora();
    // Production: 3 successes (one without a commit time is the failure), lead 6 h, 24 h, 30 min.
    expect(after).toMatchObject({
      deployments: 3,
      leadTimeSamples: 3,
      leadTimeMedianSeconds: 6 * 3600,
      failedDeployments: 1, // the 12 Mar 09:00 deploy was followed by the failure at 11:00
      recoveryMedianSeconds: 3600, // failure 11:00 → next success 12:00
      recoveries: 1,
    });

    const again = await post('kind=deployments', deploymentsCsv(org.serviceAName), CSV);
    expect(again.body).toEqual({
      kind: 'deployments',
      accepted: 0,
      duplicates: 5,
      refused: [],
      applied: true,
    });
    expect(await count('imported_deployments')).toBe(5);
    expect(await dora()).toEqual(after);
    const audit = await pool.query("SELECT detail FROM audit_log WHERE action = 'metrics.import'");
    expect(audit.rows.length).toBe(2);
  });

  it('imports NDJSON incidents, open ones included', async () => {
    const lines = [
      {
        service: org.serviceBName,
        opened_at: '2024-03-05T10:00:00Z',
        resolved_at: '2024-03-05T14:00:00Z',
        title: 'Checkout down',
      },
      { service: org.serviceBName, opened_at: '2024-03-20T10:00:00Z', resolved_at: '' },
    ];
    const res = await post('kind=incidents', lines.map((line) => JSON.stringify(line)).join('\n'), NDJSON);
    expect(res.body).toEqual({ kind: 'incidents', accepted: 2, duplicates: 0, refused: [], applied: true });
    expect(await dora(`service:${org.serviceB}`)).toMatchObject({
      recoveries: 1,
      recoveryMedianSeconds: 4 * 3600,
    });
  });

  it('refuses bad rows with their numbers and reasons, and then the whole file', async () => {
    const csv = [
      'service,environment,commit_sha,commit_time,deploy_time,status',
      `${org.serviceAName},production,def0001,2024-03-20T09:00:00Z,2024-03-20T10:00:00Z,success`,
      `no-such-service,production,def0002,2024-03-20T09:00:00Z,2024-03-20T10:00:00Z,success`,
      `${org.serviceAName},prod,def0003,2024-03-20T09:00:00Z,2024-03-20T10:00:00Z,success`,
      `${org.serviceAName},production,def0004,2024-03-21T09:00:00Z,2024-03-20T10:00:00Z,ok`,
      `${org.serviceAName},production,zzz,yesterday,2024-03-20T10:00:00Z,success`,
      `${org.serviceAName},production,def0006,2024-03-20T09:00:00Z,2999-01-01T00:00:00Z,success`,
    ].join('\n');
    const res = await post('kind=deployments', csv, CSV);
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(false);
    expect(res.body.accepted).toBe(1);
    expect(res.body.refused).toEqual([
      { row: 2, reason: "row 2: unknown service 'no-such-service'" },
      { row: 3, reason: "row 3: unknown environment 'prod' (known: development, production, staging)" },
      {
        row: 4,
        reason: "row 4: deploy_time is before commit_time; status must be success or failure, not 'ok'",
      },
      {
        row: 5,
        reason:
          "row 5: commit_sha must be 7 to 40 hex digits; commit_time 'yesterday' is not an ISO 8601 date-time with a zone (like 2025-03-01T14:05:00Z)",
      },
      { row: 6, reason: 'row 6: deploy_time is in the future' },
    ]);
    expect(await count('imported_deployments')).toBe(5);

    const partial = await post('kind=deployments&partial=1', csv, CSV);
    expect(partial.body).toMatchObject({ accepted: 1, duplicates: 0, applied: true });
    expect(partial.body.refused).toHaveLength(5);
    expect(await count('imported_deployments')).toBe(6);
  });

  it('names unreadable NDJSON lines and incident problems', async () => {
    const body = [
      JSON.stringify({
        service: org.serviceBName,
        opened_at: '2024-03-07T10:00:00Z',
        resolved_at: '2024-03-07T09:00:00Z',
      }),
      '{not json',
      '[1,2]',
      JSON.stringify({ opened_at: '2024-03-07T10:00:00Z' }),
    ].join('\n');
    const res = await post('kind=incidents', body, NDJSON);
    expect(res.body.refused).toEqual([
      { row: 1, reason: 'row 1: resolved_at is before opened_at' },
      { row: 2, reason: 'row 2: not valid JSON' },
      { row: 3, reason: 'row 3: not a JSON object' },
      { row: 4, reason: 'row 4: service is missing' },
    ]);
    expect(res.body.applied).toBe(false);
  });

  it('refuses a file it cannot read as a whole with 400', async () => {
    const missing = await post('kind=deployments', 'service,environment\nx,production', CSV);
    expect(missing.status).toBe(400);
    expect(missing.body.error?.message).toContain("'commit_sha'");
    const broken = await post(
      'kind=incidents',
      'service,opened_at,resolved_at\n"x,2024-01-01T00:00:00Z,',
      CSV,
    );
    expect(broken.status).toBe(400);
    const empty = await post('kind=incidents', 'service,opened_at,resolved_at\n', CSV);
    expect(empty.status).toBe(400);
    const json = await post('kind=incidents', '{}', 'application/json');
    expect(json.status).toBe(400);
    const noKind = await post('', deploymentsCsv(org.serviceAName), CSV);
    expect(noKind.status).toBe(400);
  });

  it('is for leads and admins only', async () => {
    const engineer = apiClient(platform.url, org.engineerToken);
    const res = await post('kind=deployments', deploymentsCsv(org.serviceAName), CSV, engineer);
    expect(res.status).toBe(403);
  });
});
