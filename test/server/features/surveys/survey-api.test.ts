import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../../../shared/api/errors';
import { PushResponse } from '../../../../shared/api/push';
import { Survey } from '../../../../shared/features/surveys/api';
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

const code = (body: unknown) => ApiErrorBody.parse(body).error.code;

const hour = 3600_000;

async function push(
  person: Person,
  clientId: string,
  mutations: { id: number; name: string; args: unknown }[],
) {
  const r = await person.api('POST', '/v1/sync/push', {
    clientId,
    mutations: mutations.map((m) => ({
      ...m,
      idempotencyKey: randomUUID(),
      createdAt: new Date().toISOString(),
    })),
  });
  expect(r.status).toBe(200);
  return PushResponse.parse(r.body);
}

describe('authoring', () => {
  it('builds the quarterly template, lets only leads author, and refuses k below 3', async () => {
    const draft = await lead.api('POST', '/v1/surveys', {
      title: 'Platform survey Q3',
      template: 'quarterly',
      quarter: '2025-Q3',
      capabilities: ['Deployments', 'Secrets'],
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 24 * hour).toISOString(),
    });
    expect(draft.status).toBe(201);
    const survey = Survey.parse(draft.body);
    expect(survey).toMatchObject({ status: 'draft', kind: 'quarterly', anonymous: true, minGroupSize: 5 });
    expect(survey.questions.map((q) => q.type)).toEqual([
      'nps',
      'likert',
      'likert',
      'likert',
      'likert',
      'likert',
      'free_text',
    ]);
    expect(survey.questions.filter((q) => q.type === 'likert' && q.driver).length).toBe(3);

    const engineer = await createPerson(platform.url, admin, 'Ed Engineer', 'engineer');
    const denied = await engineer.api('POST', '/v1/surveys', {
      title: 'x',
      template: 'quarterly',
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
    });
    expect(denied.status).toBe(403);
    expect((await engineer.api('GET', `/v1/surveys/${survey.id}/results`)).status).toBe(403);

    const lowK = await lead.api('POST', '/v1/surveys', {
      title: 'k2',
      template: 'quarterly',
      minGroupSize: 2,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
    });
    expect(lowK.status).toBe(400);
    expect((await lead.api('PATCH', `/v1/surveys/${survey.id}`, { minGroupSize: 2 })).status).toBe(400);

    const scratch = await lead.api('POST', '/v1/surveys', {
      title: 'Tooling pulse',
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
      questions: [
        { id: 'nps', type: 'nps', prompt: 'Recommend?' },
        {
          id: 'ide',
          type: 'single_choice',
          prompt: 'IDE?',
          options: [
            { id: 'vscode', label: 'VS Code' },
            { id: 'jb', label: 'JetBrains' },
          ],
        },
        {
          id: 'langs',
          type: 'multiple_choice',
          prompt: 'Languages?',
          options: [
            { id: 'ts', label: 'TS' },
            { id: 'go', label: 'Go' },
          ],
        },
        { id: 'sat', type: 'likert', prompt: 'Satisfied?' },
        { id: 'why', type: 'free_text', prompt: 'Why?' },
      ],
    });
    expect(scratch.status).toBe(201);
    const patched = await lead.api('PATCH', `/v1/surveys/${survey.id}`, { title: 'Platform survey 2025-Q3' });
    expect(Survey.parse(patched.body).title).toBe('Platform survey 2025-Q3');
    const published = Survey.parse((await lead.api('POST', `/v1/surveys/${survey.id}/publish`)).body);
    expect(published.status).toBe('published');
    const frozen = await lead.api('PATCH', `/v1/surveys/${survey.id}`, { title: 'changed' });
    expect(code(frozen.body)).toBe('survey_not_draft');
    const { rows } = await db.query("SELECT count(*)::int AS n FROM change_log WHERE entity = 'survey'");
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
  });
});

describe('answering', () => {
  it('accepts one response per person: a double submission (REST or push) leaves one response', async () => {
    const team = await createTeam(admin, 'answering-team');
    const survey = await publishSurvey(lead.api, { template: 'quarterly' });
    const eve = await createPerson(platform.url, admin, 'Eve', 'engineer', [team]);
    const first = await answer(eve, survey.id, { nps: 9 });
    expect(first.status).toBe(201);
    const second = await answer(eve, survey.id, { nps: 3 });
    expect(second.status).toBe(409);
    expect(code(second.body)).toBe('already_answered');

    // Two devices of the same person, each with its own queued intent.
    const bob = await createPerson(platform.url, admin, 'Bob', 'engineer', [team]);
    const answerArgs = { surveyId: survey.id, responseId: randomUUID(), answers: { nps: 10 } };
    const laptop = await push(bob, randomUUID(), [{ id: 1, name: 'survey.answer', args: answerArgs }]);
    expect(laptop.results[0]?.status).toBe('applied');
    const desktop = await push(bob, randomUUID(), [
      { id: 1, name: 'survey.answer', args: { ...answerArgs, responseId: randomUUID() } },
    ]);
    expect(desktop.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'already_answered' } });

    const counted = await db.query('SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1', [
      survey.id,
    ]);
    expect(counted.rows[0].n).toBe(2);
    const mine = await bob.api('GET', '/v1/me/surveys');
    expect((mine.body as { answeredSurveyIds: string[] }).answeredSurveyIds).toContain(survey.id);
  });

  it('validates answers against the questions and refuses answers after the close with a reason', async () => {
    const survey = await publishSurvey(lead.api, { template: 'quarterly' });
    const carol = await createPerson(platform.url, admin, 'Carol', 'engineer');
    expect(code((await answer(carol, survey.id, { nps: 11 })).body)).toBe('validation_failed');
    expect(code((await answer(carol, survey.id, {})).body)).toBe('validation_failed');
    expect(code((await answer(carol, survey.id, { nps: 8, nope: 1 })).body)).toBe('validation_failed');
    expect(code((await answer(carol, survey.id, { nps: 8, 'cap-deployments': 6 })).body)).toBe(
      'validation_failed',
    );

    // Queued offline, the lead closes the survey, then the queue is pushed.
    const closed = Survey.parse((await lead.api('POST', `/v1/surveys/${survey.id}/close`)).body);
    expect(Date.parse(closed.closesAt)).toBeLessThanOrEqual(Date.now());
    const late = await push(carol, randomUUID(), [
      {
        id: 1,
        name: 'survey.answer',
        args: { surveyId: survey.id, responseId: randomUUID(), answers: { nps: 9 } },
      },
    ]);
    expect(late.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'survey_closed' } });
    if (late.results[0]?.status === 'rejected') expect(late.results[0].reason.message).toMatch(/closed at/);
    const rest = await answer(carol, survey.id, { nps: 9 });
    expect(rest.status).toBe(409);
    expect(code(rest.body)).toBe('survey_closed');
    const receipts = await db.query('SELECT count(*)::int AS n FROM survey_receipts WHERE survey_id = $1', [
      survey.id,
    ]);
    expect(receipts.rows[0].n).toBe(0);
  });

  it('keeps engineers outside the audience teams out', async () => {
    const inTeam = await createTeam(admin, 'audience-in');
    const survey = await publishSurvey(lead.api, { template: 'quarterly', audienceTeamIds: [inTeam] });
    const outsider = await createPerson(platform.url, admin, 'Otto', 'engineer');
    const r = await answer(outsider, survey.id, { nps: 5 });
    expect(r.status).toBe(403);
    expect(code(r.body)).toBe('not_in_audience');
  });
});

describe('anonymity', () => {
  it('hides a team of 4, blocks derivation by subtraction, and gates comments the same way', async () => {
    const big = await createTeam(admin, 'anon-big');
    const small = await createTeam(admin, 'anon-small');
    const mid = await createTeam(admin, 'anon-mid');
    const survey = await publishSurvey(lead.api, {
      template: 'quarterly',
      audienceTeamIds: [big, small, mid],
    });
    const answerAs = async (team: string, count: number, nps: number, comment: string) => {
      for (let i = 0; i < count; i++) {
        const p = await createPerson(platform.url, admin, `${team}-${i}`, 'engineer', [team]);
        expect((await answer(p, survey.id, { nps, comments: `${comment} ${i}` })).status).toBe(201);
      }
    };
    await answerAs(big, 6, 10, 'big says');
    await answerAs(small, 4, 0, 'small says');
    await answerAs(mid, 5, 8, 'mid says');
    await closeSurvey(lead.api, survey.id);

    const r = await results(lead.api, survey.id);
    expect(r.respondents).toBe(15);
    const byId = new Map(r.teams.map((t) => [t.teamId, t]));
    expect(byId.get(small)).toMatchObject({
      visible: false,
      hiddenReason: 'too_few_respondents',
      result: null,
    });
    // Without complementary suppression, overall − big − mid would be the small team exactly.
    expect(byId.get(mid)).toMatchObject({ visible: false, hiddenReason: 'complementary', result: null });
    expect(byId.get(big)?.visible).toBe(true);
    const overall = r.overall?.questions.find((q) => q.questionId === 'nps')?.nps;
    const bigNps = byId.get(big)?.result?.questions.find((q) => q.questionId === 'nps')?.nps;
    // The subtraction attack yields the small and mid teams together (9 people), never the 4.
    expect((overall?.detractors ?? 0) - (bigNps?.detractors ?? 0)).toBe(4);
    expect((overall?.n ?? 0) - (bigNps?.n ?? 0)).toBe(9);
    const bigComments =
      byId.get(big)?.result?.questions.find((q) => q.questionId === 'comments')?.comments ?? [];
    expect(bigComments.every((c) => c.startsWith('big says'))).toBe(true);
    expect(JSON.stringify(r.teams)).not.toContain('small says');
    expect(JSON.stringify(r.teams)).not.toContain('mid says');
    // Response rates are shown for every team (counts of people, not answers).
    expect(byId.get(small)?.responseRate).toBe(1);
  });

  it('withholds everything while fewer than k answered', async () => {
    const survey = await publishSurvey(lead.api, { template: 'quarterly', minGroupSize: 3 });
    for (const name of ['Solo', 'Duo']) {
      const p = await createPerson(platform.url, admin, name, 'engineer');
      await answer(p, survey.id, { nps: 9, comments: `secret from ${name}` });
    }
    await closeSurvey(lead.api, survey.id);
    const r = await results(lead.api, survey.id);
    expect(r).toMatchObject({ respondents: 2, suppressed: true, overall: null });
    expect(JSON.stringify(r)).not.toContain('secret from');
  });

  it('cannot join a person to an answer: the schema shares nothing but the survey id', async () => {
    const columns = async (table: string) =>
      (
        await db.query<{ column_name: string; data_type: string; column_default: string | null }>(
          'SELECT column_name, data_type, column_default FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name',
          [table],
        )
      ).rows;
    const responseColumns = await columns('survey_responses');
    expect(responseColumns.map((c) => c.column_name)).toEqual(['answers', 'id', 'survey_id', 'team_key']);
    expect(responseColumns.find((c) => c.column_name === 'id')).toMatchObject({
      data_type: 'uuid',
      column_default: 'gen_random_uuid()',
    });
    expect(responseColumns.some((c) => /time|date/.test(c.data_type))).toBe(false);
    expect((await columns('survey_receipts')).map((c) => c.column_name)).toEqual(['survey_id', 'user_id']);
    for (const table of ['survey_tallies', 'survey_comments']) {
      const names = (await columns(table)).map((c) => c.column_name);
      expect(names).not.toContain('user_id');
      expect(names.some((n) => /_at$|_on$|created|time/.test(n))).toBe(false);
    }
    // No foreign key or sequence ties a response to a receipt.
    const fks = await db.query(
      `SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid = 'survey_responses'::regclass
         AND confrelid <> 'surveys'::regclass`,
    );
    expect(fks.rows).toEqual([]);
    const sequences = await db.query(
      "SELECT sequence_name FROM information_schema.sequences WHERE sequence_name LIKE 'survey%'",
    );
    expect(sequences.rows).toEqual([]);
    // Responses are never synced and never served.
    const logged = await db.query("SELECT DISTINCT entity FROM change_log WHERE entity LIKE 'survey%'");
    expect(logged.rows.map((r) => r.entity)).toEqual(['survey']);
    const any = (await lead.api('GET', '/v1/surveys')).body as { items: Survey[] };
    const someId = any.items[0]?.id ?? 'x';
    expect((await admin('GET', `/v1/surveys/${someId}/responses`)).status).toBe(404);
  });
});

describe('trend', () => {
  it('follows NPS across quarters with a significance test', async () => {
    const opens = (q: number) => new Date(Date.UTC(2030, q * 3, 1)).toISOString();
    const make = async (quarter: string, q: number) => {
      const created = await lead.api('POST', '/v1/surveys', {
        title: `Trend ${quarter}`,
        template: 'quarterly',
        quarter,
        opensAt: new Date(Date.now() - hour).toISOString(),
        closesAt: opens(q),
      });
      const id = Survey.parse(created.body).id;
      await lead.api('POST', `/v1/surveys/${id}/publish`);
      return id;
    };
    const q1 = await make('2030-Q1', 1);
    const q2 = await make('2030-Q2', 2);
    for (let i = 0; i < 5; i++) {
      const p = await createPerson(platform.url, admin, `trend-${i}`, 'engineer');
      expect((await answer(p, q1, { nps: i < 2 ? 3 : 8 })).status).toBe(201);
      expect((await answer(p, q2, { nps: 10 })).status).toBe(201);
    }
    await closeSurvey(lead.api, q1);
    await closeSurvey(lead.api, q2);
    const r = await results(lead.api, q2);
    const points = r.trend.filter((t) => t.surveyId === q1 || t.surveyId === q2);
    expect(points.map((t) => t.surveyId)).toEqual([q1, q2]);
    expect(points[0]?.nps.nps).toBe(-40);
    expect(points[1]?.nps.nps).toBe(100);
    expect(points[1]?.comparison?.difference).toBeCloseTo(140, 6);
    expect(points[1]?.comparison?.pValue).toBeLessThan(0.05);
  });
});
