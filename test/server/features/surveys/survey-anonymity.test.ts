import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponse } from '../../../../shared/api/push';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import {
  answer,
  closeSurvey,
  createPerson,
  createTeam,
  publishSurvey,
  results,
  type Api,
  type Person,
} from './survey-fixtures';

/** Issue 13, finding 2: anonymity that survives repeated looks, and no record of who answered when. */

let platform: TestPlatform;
let admin: Api;
let lead: Person;
let db: pg.Client;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
  lead = await createPerson(platform.url, admin, 'Lena Lead', 'lead');
  db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await platform?.close();
});

const withoutTime = <T extends { computedAt: string }>(r: T) => ({ ...r, computedAt: '' });

const npsOf = (r: Awaited<ReturnType<typeof results>>) =>
  r.overall?.questions.find((q) => q.questionId === 'nps')?.nps;

describe('results under repeated looks', () => {
  it('a look before and after one more answer is identical; the close releases everything once', async () => {
    const team = await createTeam(admin, 'look-team');
    const survey = await publishSurvey(lead.api, {
      template: 'quarterly',
      minGroupSize: 3,
      audienceTeamIds: [team],
    });
    const people: Person[] = [];
    for (let i = 0; i < 6; i++)
      people.push(await createPerson(platform.url, admin, `look-${i}`, 'engineer', [team]));
    for (const p of people.slice(0, 4)) {
      expect((await answer(p, survey.id, { nps: 9, comments: 'fine' })).status).toBe(201);
    }

    const before = await results(lead.api, survey.id);
    expect(before).toMatchObject({ release: 'collecting', suppressed: true, overall: null, teams: [] });
    // 4 answered, shown as a multiple of k.
    expect(before.respondents).toBe(3);
    expect(JSON.stringify(before)).not.toContain('fine');

    // One person answers, with a telling score and comment.
    expect((await answer(people[4]!, survey.id, { nps: 0, comments: 'only mine' })).status).toBe(201);
    const after = await results(lead.api, survey.id);
    expect(withoutTime(after)).toEqual(withoutTime(before));

    // The next step of k (6 = 2k) shows in the count only.
    expect((await answer(people[5]!, survey.id, { nps: 9 })).status).toBe(201);
    const stepped = await results(lead.api, survey.id);
    expect(stepped).toMatchObject({ release: 'collecting', respondents: 6, overall: null, teams: [] });

    const late = await createPerson(platform.url, admin, 'late', 'engineer', [team]);
    await closeSurvey(lead.api, survey.id);
    const released = await results(lead.api, survey.id);
    expect(released).toMatchObject({ release: 'released', respondents: 6, suppressed: false });
    expect(npsOf(released)?.n).toBe(6);
    // After the close nothing can change: a late answer is refused, two looks are the same.
    expect((await answer(late, survey.id, { nps: 0 })).status).toBe(409);
    expect(withoutTime(await results(lead.api, survey.id))).toEqual(withoutTime(released));
  });

  it('leaves an open survey out of the NPS trend', async () => {
    const open = await publishSurvey(lead.api, {
      template: 'quarterly',
      minGroupSize: 3,
      quarter: '2031-Q1',
    });
    for (let i = 0; i < 3; i++) {
      const p = await createPerson(platform.url, admin, `trend-open-${i}`, 'engineer');
      expect((await answer(p, open.id, { nps: 10 })).status).toBe(201);
    }
    const r = await results(lead.api, open.id);
    expect(r.trend.map((t) => t.surveyId)).not.toContain(open.id);
  });
});

describe('no record ties a person to the time of their answer', () => {
  it('audit, mutation results, client state and idempotency keys keep neither who nor when', async () => {
    const survey = await publishSurvey(lead.api, { template: 'quarterly', minGroupSize: 3 });
    const viaRest = await createPerson(platform.url, admin, 'Rest Respondent', 'engineer');
    const viaPush = await createPerson(platform.url, admin, 'Push Respondent', 'engineer');
    expect(
      (
        await viaRest.api(
          'POST',
          `/v1/surveys/${survey.id}/responses`,
          { responseId: randomUUID(), answers: { nps: 7 } },
          { 'idempotency-key': randomUUID() },
        )
      ).status,
    ).toBe(201);

    const clientId = randomUUID();
    // A first, ordinary mutation gives the client a row; its updated_at must not move with the answer.
    const warmUp = await viaPush.api('POST', '/v1/sync/push', {
      clientId,
      mutations: [
        {
          id: 1,
          name: 'survey.answer',
          args: { surveyId: 'no-such-survey', responseId: randomUUID(), answers: {} },
          idempotencyKey: randomUUID(),
          createdAt: new Date().toISOString(),
        },
      ],
    });
    expect(warmUp.status).toBe(200);
    await db.query("UPDATE client_state SET updated_at = '2020-01-01T00:00:00Z' WHERE client_id = $1", [
      clientId,
    ]);
    const pushed = await viaPush.api('POST', '/v1/sync/push', {
      clientId,
      mutations: [
        {
          id: 2,
          name: 'survey.answer',
          args: { surveyId: survey.id, responseId: randomUUID(), answers: { nps: 3 } },
          idempotencyKey: randomUUID(),
          createdAt: new Date().toISOString(),
        },
      ],
    });
    expect(PushResponse.parse(pushed.body).results[0]?.status).toBe('applied');

    // The audit (readable by leads) says a response was recorded, by no one, on a day.
    const audit = await lead.api('GET', '/v1/audit?limit=1000');
    const entries = (
      audit.body as { items: { actorUserId: string | null; action: string; at: string; entityId: string }[] }
    ).items;
    const responses = entries.filter((e) => e.entityId === survey.id && e.action === 'survey.response');
    expect(responses).toHaveLength(2);
    for (const e of responses) {
      expect(e.actorUserId).toBeNull();
      expect(e.at).toMatch(/T00:00:00\.000Z$/);
    }
    const byRespondents = entries.filter((e) => e.actorUserId === viaRest.id || e.actorUserId === viaPush.id);
    expect(byRespondents).toEqual([]);

    const results = await db.query<{ at: Date }>(
      'SELECT at FROM mutation_results WHERE client_id = $1 AND mutation_id = 2',
      [clientId],
    );
    expect(results.rows[0]?.at.toISOString()).toMatch(/T00:00:00\.000Z$/);
    const state = await db.query<{ updated_at: Date }>(
      'SELECT updated_at FROM client_state WHERE client_id = $1',
      [clientId],
    );
    expect(state.rows[0]?.updated_at.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    const keys = await db.query('SELECT 1 FROM idempotency_keys WHERE user_id = ANY($1)', [
      [viaRest.id, viaPush.id],
    ]);
    expect(keys.rowCount).toBe(0);
    // "Has this person answered" is kept without a time.
    const receiptColumns = await db.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_receipts' ORDER BY column_name",
    );
    expect(receiptColumns.rows.map((r) => r.column_name)).toEqual(['survey_id', 'user_id']);
  });
});
