import type { Pool } from 'pg';
import { withTransaction } from '../../server/db/transaction';
import { adoption } from '../../server/features/metrics/adoption';
import { doraKeys } from '../../server/features/metrics/dora-sql';
import { resolveScope } from '../../server/features/metrics/scope';
import { startBenchDatabase } from './bench-database';
import { medianOf } from './bench-platform';

const DEPLOYMENTS = Number(process.env.PAVE_BENCH_DEPLOYMENTS ?? 500_000);
const INCIDENTS = Number(process.env.PAVE_BENCH_INCIDENTS ?? 50_000);
const TEAMS = 15;
const SERVICES = 300;
const RUNS = 7;
const GOAL_MS = 100;

const median = (values: number[]): number => medianOf(values) ?? 0;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/**
 * Issue 10, point 6: DORA + adoption for the org over a year, on the platform, over 500,000
 * deployments and 50,000 incidents. The history goes straight into platform_events with
 * generate_series (as the demo seed does, in bulk mode: the triggers write the facts, one
 * classification at the end), plus failed deploys, rollbacks and a year of capability uses, all
 * in the last year so the year's range holds every row.
 */
export async function printMetricsBench(): Promise<void> {
  const database = await startBenchDatabase('metrics');
  const { pool } = database;
  try {
    const loadStarted = Date.now();
    await loadHistory(pool);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    await timeMetrics(pool, loadSeconds);
  } finally {
    await database.close();
  }
}

export async function loadHistory(pool: Pool, log: (step: string) => void = () => undefined): Promise<void> {
  await withTransaction(pool, async (tx) => {
    await tx.query(
      `INSERT INTO teams (id, slug, name) SELECT 'team-' || i, 'team-' || i, 'Team ' || i FROM generate_series(1, $1) i`,
      [TEAMS],
    );
    await tx.query(
      `INSERT INTO services (id, name, title, owner_team_id, tier, lifecycle)
         SELECT 'svc-' || i, 'svc-' || i, 'Service ' || i, 'team-' || (1 + i % $2), 2, 'production'
           FROM generate_series(1, $1) i`,
      [SERVICES, TEAMS],
    );
    await tx.query("SELECT set_config('pave.metrics_bulk', 'on', true)");
    const event = (kind: string, count: number, data: string, environment = "'production'") =>
      tx.query(
        `INSERT INTO platform_events (id, kind, service_id, team_id, environment, at, data)
           SELECT '${kind}-' || i, '${kind}', 'svc-' || (1 + i % $2), 'team-' || (1 + (1 + i % $2) % $3),
                  ${environment}, now() - (i::double precision / $1) * interval '365 days', ${data}
             FROM generate_series(1, $1) i`,
        [count, SERVICES, TEAMS],
      );
    const lead = "interval '1 minute' * (1 + (i::bigint * 7919) % 20000)";
    await event(
      'deploy',
      DEPLOYMENTS,
      `jsonb_build_object('deploymentId', 'd' || i, 'version', i::text, 'result', 'live', 'canary', i % 10 = 0,
           'committedAt', to_char((now() - (i::double precision / $1) * interval '365 days' - ${lead}) AT TIME ZONE 'UTC',
                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
    );
    await event(
      'deploy-failed',
      DEPLOYMENTS / 20,
      `jsonb_build_object('deploymentId', 'f' || i, 'version', i::text, 'result', 'failed', 'canary', false,
           'committedAt', to_char((now() - (i::double precision / $1) * interval '365 days') AT TIME ZONE 'UTC',
                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
    );
    await tx.query("UPDATE platform_events SET kind = 'deploy' WHERE kind = 'deploy-failed'");
    await event(
      'rollback',
      DEPLOYMENTS / 50,
      `jsonb_build_object('deploymentId', 'r' || i, 'fromVersion', '2', 'toVersion', '1')`,
    );
    await event(
      'incident_opened',
      INCIDENTS,
      `jsonb_build_object('incidentId', 'i' || i, 'deploymentId', null)`,
    );
    await tx.query(
      `INSERT INTO platform_events (id, kind, service_id, team_id, environment, at, data)
         SELECT 'resolved-' || id, 'incident_resolved', service_id, team_id, environment,
                at + interval '1 second' * (60 + (hashtext(id) & 65535)),
                jsonb_build_object('incidentId', data->>'incidentId', 'openedAt', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
           FROM platform_events WHERE kind = 'incident_opened'`,
    );
    await event(
      'pipeline_run',
      DEPLOYMENTS / 2,
      `jsonb_build_object('runId', 'p' || i, 'commitSha', repeat('a', 40), 'result', 'succeeded', 'failedStep', null, 'durationMs', 1000, 'steps', '[]'::jsonb)`,
      'NULL',
    );
    await event(
      'flag_changed',
      20_000,
      `jsonb_build_object('flagId', 'f' || i, 'key', 'k', 'change', 'enabled', 'rolloutPercent', null)`,
      "'production'",
    );
    await event(
      'resource_provisioned',
      3_000,
      `jsonb_build_object('resourceId', 'r' || i, 'kind', (ARRAY['postgres','cache','queue'])[1 + i % 3])`,
      'NULL',
    );
    await event('service_created', SERVICES, `jsonb_build_object('templateId', 'node-api')`, 'NULL');
    log('events');
    await tx.query('SELECT metrics_classify_all()');
    log('classified');
  });
  // A live platform's autovacuum keeps the visibility map set, which the medians' index-only walks
  // rely on. After a bulk load the first pass removes the row versions classification replaced;
  // only the second finds the pages all-visible.
  await pool.query('VACUUM ANALYZE delivery_facts, incident_facts, platform_events');
  await pool.query('VACUUM delivery_facts, incident_facts');
}

export async function timeMetrics(pool: Pool, loadSeconds: number): Promise<void> {
  const counts = await pool.query<{ deployments: string; incidents: string; events: string }>(
    `SELECT (SELECT count(*) FROM delivery_facts WHERE kind = 'deployment') AS deployments,
              (SELECT count(*) FROM incident_facts) AS incidents,
              (SELECT count(*) FROM platform_events) AS events`,
  );
  const now = new Date();
  const range = { from: new Date(now.getTime() - 365 * 86_400_000).toISOString(), to: now.toISOString() };
  const scope = await resolveScope(pool, { kind: 'org' });
  const timings: { dora: number; adoption: number; both: number }[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const dora = await doraKeys(pool, scope, range);
    const doraDone = performance.now();
    const rows = await adoption(pool, scope, range.to, 30);
    const done = performance.now();
    if (dora.deployments === 0 || rows.teamsUsingPlatform === 0) throw new Error('bench data missing');
    // Run 0 warms the caches and is not counted.
    if (run > 0) timings.push({ dora: doraDone - started, adoption: done - doraDone, both: done - started });
  }
  if (process.env.PAVE_BENCH_EXPLAIN) {
    const plan = await pool.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT lead_seconds FROM delivery_facts
        WHERE lead_seconds IS NOT NULL AND at >= $1 AND at < $2 AND $3::text IS NULL AND $4::text IS NULL
        ORDER BY lead_seconds OFFSET 250000 LIMIT 2`,
      [range.from, range.to, null, null],
    );
    console.log(plan.rows.map((row: Record<string, string>) => Object.values(row)[0]).join('\n'));
  }
  const both = median(timings.map((t) => t.both));
  const row = counts.rows[0];
  console.log('\nmetrics on the platform (DORA + adoption, org, last 365 days)');
  console.log(
    `  data                 ${fmt(Number(row?.deployments))} deployments, ${fmt(Number(row?.incidents))} incidents, ${fmt(Number(row?.events))} events (loaded in ${fmt(loadSeconds, 1)} s)`,
  );
  console.log(`  DORA                 ${fmt(median(timings.map((t) => t.dora)), 1)} ms (median of ${RUNS})`);
  console.log(`  adoption (30 days)   ${fmt(median(timings.map((t) => t.adoption)), 1)} ms`);
  console.log(
    `target metrics-platform: ${fmt(both, 1)} ms (goal ${GOAL_MS} ms) ${both < GOAL_MS ? 'ok' : 'short'}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await printMetricsBench();
