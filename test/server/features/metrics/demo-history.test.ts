import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, prepareDatabase } from '../../../../server/app';
import { issueToken } from '../../../../server/auth/tokens';
import { createPool } from '../../../../server/db/pool';
import { ADMIN_USER_ID } from '../../../../server/directory/admin-user';
import { DEMO_SEED, generateDemoDirectory } from '../../../../server/directory/demo';
import { generateDemoServices } from '../../../../server/features/catalog/demo';
import {
  generateDemoHistory,
  type HistoryInput,
} from '../../../../server/features/metrics/demo/generate-history';
import { capabilityOfEvent, type Capability } from '../../../../shared/domain/metrics/capabilities';
import { createPicker } from '../../../../shared/domain/seeded-random';
import { Adoption, BeforeAfter } from '../../../../shared/features/metrics/api';
import { SurveyResults } from '../../../../shared/features/surveys/api';
import { createTestDatabase } from '../../../harness/postgres';
import { apiClient } from '../../api-client';

const DAY = 24 * 3600_000;

/** The generator's input as the seed builds it, from the demo directory and catalog generators. */
function demoInput(seed: number, now: string): HistoryInput {
  const rng = createPicker(DEMO_SEED);
  const directory = generateDemoDirectory(rng);
  const services = generateDemoServices(directory, rng)
    .map((service) => ({
      id: service.id,
      name: service.input.name,
      ownerTeamId: service.input.ownerTeamId,
      deprecated: service.input.lifecycle === 'deprecated',
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const members = new Map<string, string[]>();
  for (const user of directory.users) {
    for (const teamId of user.input.teamIds) members.set(teamId, [...(members.get(teamId) ?? []), user.id]);
  }
  const teams = directory.teams.map((team) => ({ id: team.id, slug: team.input.slug }));
  return { seed, now, teams, services, members };
}

describe('demo history generator', () => {
  const now = '2026-11-30T07:30:00.000Z';

  it('is deterministic: same seed and day, same history; another seed, another history', () => {
    expect(generateDemoHistory(demoInput(DEMO_SEED, now))).toEqual(
      generateDemoHistory(demoInput(DEMO_SEED, now)),
    );
    // Any time of the same UTC day gives the same history: it ends at the day's start.
    expect(generateDemoHistory(demoInput(DEMO_SEED, '2026-11-30T23:59:00.000Z'))).toEqual(
      generateDemoHistory(demoInput(DEMO_SEED, now)),
    );
    expect(generateDemoHistory(demoInput(7, now)).events).not.toEqual(
      generateDemoHistory(demoInput(DEMO_SEED, now)).events,
    );
  });

  it('puts imports before the launch and events after it, all before the seeding day', () => {
    const history = generateDemoHistory(demoInput(DEMO_SEED, now));
    const today = Date.parse('2026-11-30T00:00:00.000Z');
    expect(history.launchDate).toBe(today - 365 * DAY);
    expect(history.importedDeployments.length).toBeGreaterThan(100);
    for (const row of history.importedDeployments) {
      expect(row.deployedAt).toBeLessThan(history.launchDate);
      expect(row.deployedAt).toBeGreaterThanOrEqual(today - 730 * DAY);
      expect(row.committedAt).toBeLessThan(row.deployedAt);
    }
    for (const row of history.importedIncidents) expect(row.resolvedAt).toBeGreaterThan(row.openedAt);
    expect(history.events.length).toBeGreaterThan(2000);
    // Moderate volume: every event is a synced entity the desktop pulls on first launch.
    expect(history.events.length).toBeLessThan(7000);
    for (const event of history.events) {
      expect(event.at).toBeGreaterThanOrEqual(history.launchDate);
      expect(event.at).toBeLessThan(today);
    }
    const ats = history.events.map((event) => event.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
  });

  // The history depends on the seeding day; its story must hold on any day, not only on the day
  // a test ran (the platform test below checks one day through the metrics API). Recovery as the
  // metrics facts define it: a failed production deploy until the service's next one that went
  // live, an incident from opened to resolved. Before this was checked, 2026-12-01's history
  // recovered in 77 min since the launch: the fix after a failed deploy came ~3 h later always.
  it.each(['2026-03-15', '2026-07-01', '2026-12-01', '2027-04-20'])(
    'recovers within the hour since the launch when seeded on %s',
    (day) => {
      const history = generateDemoHistory(demoInput(DEMO_SEED, `${day}T09:00:00.000Z`));
      const production = history.events.filter(
        (event) =>
          event.environment === 'production' && (event.kind === 'deploy' || event.kind === 'rollback'),
      );
      const wentLive = (event: (typeof production)[number]) =>
        event.kind === 'rollback' || (event.data as { result: string }).result === 'live';
      const recoveries: number[] = [];
      production.forEach((event, index) => {
        if (event.kind !== 'deploy' || (event.data as { result: string }).result !== 'failed') return;
        const next = production
          .slice(index + 1)
          .find((later) => later.serviceId === event.serviceId && wentLive(later));
        if (next) recoveries.push(next.at - event.at);
      });
      for (const event of history.events) {
        if (event.kind !== 'incident_resolved' || event.environment !== 'production') continue;
        recoveries.push(event.at - Date.parse((event.data as { openedAt: string }).openedAt));
      }
      recoveries.sort((a, b) => a - b);
      expect(recoveries.length).toBeGreaterThan(50);
      expect(recoveries[Math.floor(recoveries.length / 2)]).toBeLessThan(3600_000);
    },
  );
});

interface SeededDatabase {
  pool: Pool;
  ms: number;
  /** The UTC day the seed ran on, or null if it ran across midnight. */
  day: string | null;
  drop(): Promise<void>;
}

async function seededDatabase(seed: 'demo' | 'none'): Promise<SeededDatabase> {
  const database = await createTestDatabase();
  const pool = createPool(database.url);
  const dayBefore = new Date().toISOString().slice(0, 10);
  const started = performance.now();
  await prepareDatabase(pool, { seed });
  const ms = performance.now() - started;
  const dayAfter = new Date().toISOString().slice(0, 10);
  return {
    pool,
    ms,
    day: dayBefore === dayAfter ? dayBefore : null,
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
}

/** Everything the history and the demo surveys write, minus the random keys of anonymous rows. */
async function historyRows(pool: Pool) {
  const query = async (sql: string) => (await pool.query(sql)).rows;
  return {
    events: await query('SELECT * FROM platform_events ORDER BY id'),
    changes: await query(
      "SELECT entity, id, seq, data FROM change_log WHERE entity IN ('platform_event', 'survey') ORDER BY seq",
    ),
    deployments: await query(
      'SELECT service_id, environment, commit_sha, committed_at, deployed_at, status FROM imported_deployments ORDER BY deployed_at, service_id',
    ),
    incidents: await query(
      'SELECT service_id, title, opened_at, resolved_at FROM imported_incidents ORDER BY opened_at, service_id',
    ),
    settings: await query('SELECT launch_date FROM metrics_settings'),
    tallies: await query('SELECT * FROM survey_tallies ORDER BY survey_id, team_key, question_id, value'),
    responses: await query(
      'SELECT survey_id, team_key, answers::text FROM survey_responses ORDER BY 1, 2, 3',
    ),
    receipts: await query('SELECT * FROM survey_receipts ORDER BY survey_id, user_id'),
  };
}

describe('seeded demo platform', () => {
  let first: SeededDatabase;
  let second: SeededDatabase;
  let app: FastifyInstance;
  let dataDir: string;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    const empty = await seededDatabase('none');
    await empty.drop();
    first = await seededDatabase('demo');
    second = await seededDatabase('demo');
    // A pair seeded on two UTC days has two different histories (it ends at the seeding day).
    if (!first.day || first.day !== second.day) {
      await second.drop();
      second = await seededDatabase('demo');
      if (!first.day || first.day !== second.day) {
        await first.drop();
        first = await seededDatabase('demo');
      }
    }
    console.log(
      `prepareDatabase: ${Math.round(empty.ms)} ms without a seed, ` +
        `${Math.round(first.ms)} and ${Math.round(second.ms)} ms with the demo seed`,
    );
    dataDir = await mkdtemp(path.join(tmpdir(), 'pave-demo-history-'));
    app = buildApp({ dataDir, pool: first.pool });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    api = apiClient(`http://127.0.0.1:${port}`, await issueToken(first.pool, ADMIN_USER_ID, 'test admin'));
  });

  afterAll(async () => {
    await app?.close();
    await first?.drop();
    await second?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('writes the same history on every seed', async () => {
    const [a, b] = [await historyRows(first.pool), await historyRows(second.pool)];
    expect(a.events.length).toBeGreaterThan(2000);
    expect(a.deployments.length).toBeGreaterThan(100);
    expect(a.receipts.length).toBeGreaterThan(100);
    expect(a).toEqual(b);
  });

  it('makes every event a synced entity', async () => {
    const { rows } = await first.pool.query<{ events: string; synced: string }>(
      `SELECT (SELECT count(*) FROM platform_events) AS events,
              (SELECT count(*) FROM change_log c JOIN platform_events e ON e.id = c.id
                WHERE c.entity = 'platform_event' AND c.op = 'put') AS synced`,
    );
    expect(Number(rows[0]?.synced)).toBe(Number(rows[0]?.events));
  });

  it('shows deploys faster, shorter lead times, fewer failures and quicker recovery since the launch', async () => {
    const to = new Date().toISOString();
    const from = new Date(Date.parse(to) - 730 * DAY).toISOString();
    const response = await api('GET', `/v1/metrics/before-after?scope=org&from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const { before, after, improvement, launchDate } = BeforeAfter.parse(
      (response.body as { value: unknown }).value,
    );
    const settings = await first.pool.query<{ launch_date: Date }>(
      'SELECT launch_date FROM metrics_settings',
    );
    expect(launchDate).toBe(settings.rows[0]?.launch_date.toISOString());
    expect(before.deployments).toBeGreaterThan(100);
    expect(after.deployments).toBeGreaterThan(5 * before.deployments);
    expect(before.deploymentsPerWeek).toBeLessThan(5);
    expect(after.deploymentsPerDay).toBeGreaterThan(1.5);
    expect(before.leadTimeMedianSeconds).toBeGreaterThan(5 * 86400);
    expect(after.leadTimeMedianSeconds).toBeLessThan(2 * 86400);
    expect(before.changeFailureRate).toBeGreaterThan(0.1);
    expect(after.changeFailureRate).toBeLessThan(0.08);
    expect(before.recoveryMedianSeconds).toBeGreaterThan(2 * 3600);
    expect(after.recoveryMedianSeconds).toBeLessThan(3600);
    for (const key of [
      'deploymentsPerWeek',
      'leadTimeMedianSeconds',
      'changeFailureRate',
      'recoveryMedianSeconds',
    ] as const) {
      expect(improvement[key]?.better, key).toBe(true);
    }
    expect(improvement.deploymentsPerWeek?.percent).toBeGreaterThan(300);
  });

  it('grows adoption team by team', async () => {
    const settings = await first.pool.query<{ launch_date: Date }>(
      'SELECT launch_date FROM metrics_settings',
    );
    const launch = settings.rows[0]!.launch_date.getTime();
    const adoptionAt = async (asOf: number) => {
      const to = new Date(asOf).toISOString();
      const from = new Date(asOf - 90 * DAY).toISOString();
      const response = await api(
        'GET',
        `/v1/metrics/adoption?scope=org&from=${from}&to=${to}&adoptionDays=30`,
      );
      expect(response.status).toBe(200);
      return Adoption.parse((response.body as { value: unknown }).value);
    };
    const early = await adoptionAt(launch + 45 * DAY);
    const now = await adoptionAt(Date.now());
    expect(early.teams).toBe(15);
    expect(early.teamsUsingPlatform).toBeLessThanOrEqual(6);
    expect(now.teamsUsingPlatform).toBeGreaterThanOrEqual(12);
    expect(now.teamsUsingPlatform).toBeLessThan(15);
    const share = (adoption: Adoption, capability: Capability) =>
      adoption.rows.find((row) => row.capability === capability)?.share ?? 0;
    expect(share(now, 'ci_cd')).toBeGreaterThan(share(early, 'ci_cd'));
    // Some capabilities caught on, some did not: the page has low ones to explain.
    expect(now.rows.filter((row) => row.low).length).toBeGreaterThanOrEqual(2);
    expect(now.rows.filter((row) => !row.low).length).toBeGreaterThanOrEqual(2);
    // The survey's capability items are linked to the measured capabilities.
    expect(now.rows.every((row) => row.surveyScore !== null)).toBe(true);
    const score = (capability: Capability) =>
      now.rows.find((row) => row.capability === capability)?.surveyScore ?? 0;
    expect(score('templates')).toBeLessThan(score('ci_cd'));

    // The same from the raw events: teams per capability in the first and the last month.
    const { rows } = await first.pool.query<{
      kind: string;
      data: Record<string, unknown>;
      team_id: string;
      at: Date;
    }>('SELECT kind, data, team_id, at FROM platform_events');
    const teamsUsing = (fromMs: number) => {
      const teams = new Set<string>();
      for (const row of rows) {
        if (row.at.getTime() >= fromMs && row.at.getTime() < fromMs + 30 * DAY && capabilityOfEvent(row)) {
          teams.add(row.team_id);
        }
      }
      return teams.size;
    };
    expect(teamsUsing(launch)).toBeLessThan(teamsUsing(Date.now() - 31 * DAY));
  });

  it('carries four closed quarterly surveys with NPS rising and intervals to draw', async () => {
    const { rows } = await first.pool.query<{ id: string }>(
      "SELECT id FROM surveys WHERE kind = 'quarterly' AND closes_at < now() ORDER BY closes_at",
    );
    expect(rows).toHaveLength(4);
    const response = await api('GET', `/v1/surveys/${rows.at(-1)!.id}/results`);
    expect(response.status).toBe(200);
    const results = SurveyResults.parse(response.body);
    expect(results.trend).toHaveLength(4);
    const scores = results.trend.map((point) => point.nps.nps ?? -Infinity);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores.at(-1)! - scores[0]!).toBeGreaterThan(20);
    for (const point of results.trend) {
      expect(point.nps.n).toBeGreaterThanOrEqual(30);
      expect(point.nps.low).not.toBeNull();
      expect(point.nps.high).not.toBeNull();
    }
  });
});
