import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../../server/api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { startSurveyClient } from './survey-desktop-client';
import { createPerson, type Api } from '../../../server/features/surveys/survey-fixtures';

let platform: TestPlatform;
let admin: Api;
let db: pg.Client;
let dir: string;
const clients: Awaited<ReturnType<typeof startSurveyClient>>[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
  db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
  dir = mkdtempSync(join(tmpdir(), 'pave-surveys-'));
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await db?.end();
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function client(name: string, token: string) {
  const c = await startSurveyClient(join(dir, `${name}.db`), { url: platform.url, token });
  clients.push(c);
  await c.connect();
  await c.settled();
  return c;
}

const hour = 3600_000;
const responses = async (surveyId: string) =>
  (
    await db.query<{ n: number }>('SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1', [
      surveyId,
    ])
  ).rows[0]?.n;

describe('surveys on the desktop, offline-first', () => {
  it('a lead drafts and publishes offline; engineers answer offline; a late answer is rejected with its reason', async () => {
    const lead = await createPerson(platform.url, admin, 'Lead', 'lead');
    const ana = await createPerson(platform.url, admin, 'Ana', 'engineer');
    const ben = await createPerson(platform.url, admin, 'Ben', 'engineer');
    const leadApp = await client('lead', lead.token);
    const anaApp = await client('ana', ana.token);
    const benApp = await client('ben', ben.token);

    // Lead, offline: draft from the quarterly template and publish.
    await platform.stop();
    const { id } = await leadApp.handlers['surveys:create']({
      title: 'Platform survey 2026-Q4',
      template: 'quarterly',
      quarter: '2026-Q4',
      minGroupSize: 3,
      opensAt: new Date(Date.now() - hour).toISOString(),
      closesAt: new Date(Date.now() + 24 * hour).toISOString(),
    } as Parameters<(typeof leadApp.handlers)['surveys:create']>[0]);
    await leadApp.handlers['surveys:publish']({ id });
    await leadApp.offline();
    const local = await leadApp.handlers['surveys:get']({ id });
    expect(local).toMatchObject({ phase: 'open', pendingEdits: 2, survey: { status: 'published' } });
    await platform.start();
    await leadApp.engine.syncNow();
    await leadApp.settled();
    const server = await db.query('SELECT status FROM surveys WHERE id = $1', [id]);
    expect(server.rows[0]?.status).toBe('published');

    // Both engineers see it open; Ana answers online, Ben offline.
    await anaApp.engine.syncNow();
    await benApp.engine.syncNow();
    expect((await anaApp.handlers['surveys:list']({})).find((s) => s.survey.id === id)?.phase).toBe('open');
    // A required question left blank is refused before anything is queued, in plain words, by field.
    const queuedBefore = anaApp.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number };
    let refusal: unknown;
    try {
      await anaApp.handlers['surveys:answer']({ surveyId: id, answers: { comments: 'great' } });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^“.+” needs an answer\.$/),
      fields: [{ path: 'answers.nps', message: expect.stringContaining('needs an answer') }],
    });
    expect(anaApp.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual(queuedBefore);
    await anaApp.handlers['surveys:answer']({ surveyId: id, answers: { nps: 10, comments: 'great' } });
    await anaApp.settled();
    expect((await anaApp.handlers['surveys:get']({ id }))?.myAnswer).toBe('answered');
    // A second submission from the same app never reaches the platform.
    expect(() => anaApp.handlers['surveys:answer']({ surveyId: id, answers: { nps: 1 } })).toThrow(
      /already answered/,
    );

    await platform.stop();
    await benApp.handlers['surveys:answer']({ surveyId: id, answers: { nps: 7 } });
    await benApp.offline();
    expect((await benApp.handlers['surveys:get']({ id }))?.myAnswer).toBe('queued');
    await platform.start();
    await benApp.engine.syncNow();
    await benApp.settled();
    expect((await benApp.handlers['surveys:get']({ id }))?.myAnswer).toBe('answered');
    expect(await responses(id)).toBe(2);

    // A third engineer answers offline, and the survey closes before the answer arrives.
    const cy = await createPerson(platform.url, admin, 'Cy', 'engineer');
    const cyApp = await client('cy', cy.token);
    await platform.stop();
    await cyApp.handlers['surveys:answer']({ surveyId: id, answers: { nps: 9 } });
    await cyApp.offline();
    await db.query("UPDATE surveys SET closes_at = now() - interval '1 second' WHERE id = $1", [id]);
    await platform.start();
    await cyApp.engine.syncNow();
    const rejected = await cyApp.waitUntil(() => {
      const row = cyApp.db.prepare("SELECT status FROM outbox WHERE name = 'survey.answer'").get() as
        { status: string } | undefined;
      return row?.status === 'rejected' || undefined;
    });
    expect(rejected).toBe(true);
    const cyItem = await cyApp.handlers['surveys:get']({ id });
    expect(cyItem?.myAnswer).toBe('rejected');
    expect(cyItem?.rejection?.code).toBe('survey_closed');
    expect(cyItem?.rejection?.message).toMatch(/closed at .* not recorded/);
    expect(await responses(id)).toBe(2);
  });

  it('caches results so a lead studies them offline, and refreshes receipts answered elsewhere', async () => {
    const lead = await createPerson(platform.url, admin, 'Lead 2', 'lead');
    const leadApp = await client('lead2', lead.token);
    const { id } = await leadApp.handlers['surveys:create']({
      title: 'Pulse',
      template: 'quarterly',
      minGroupSize: 3,
      opensAt: new Date(Date.now() - hour).toISOString(),
      closesAt: new Date(Date.now() + hour).toISOString(),
    } as Parameters<(typeof leadApp.handlers)['surveys:create']>[0]);
    await leadApp.handlers['surveys:publish']({ id });
    await leadApp.settled();
    const people = await Promise.all(
      ['R1', 'R2', 'R3'].map((n) => createPerson(platform.url, admin, n, 'engineer')),
    );
    for (const p of people) {
      const r = await p.api('POST', `/v1/surveys/${id}/responses`, {
        responseId: crypto.randomUUID(),
        answers: { nps: 9 },
      });
      expect(r.status).toBe(201);
    }
    // Results are released when the survey closes (shared/domain/anonymity.ts).
    expect((await lead.api('POST', `/v1/surveys/${id}/close`)).status).toBe(200);
    leadApp.announced.length = 0;
    const fresh = await leadApp.handlers['surveys:results']({ id });
    expect(fresh.error).toBeNull();
    // A read announces nothing: the results view reads survey_results, so announcing the table it
    // just refreshed made that view fetch again, for ever (found by the overflow suite).
    expect(leadApp.announced.flat()).not.toContain('survey_results');
    expect(fresh.results?.overall?.questions.find((q) => q.questionId === 'nps')?.nps?.nps).toBe(100);

    await platform.stop();
    const cached = await leadApp.handlers['surveys:results']({ id });
    expect(cached.error).not.toBeNull();
    expect(cached.fetchedAt).toBe(fresh.fetchedAt);
    expect(cached.results).toEqual(fresh.results);
    await platform.start();

    // Answered through REST (another device): the app learns it from the receipts.
    const r1App = await client('r1', people[0]!.token);
    expect((await r1App.handlers['surveys:get']({ id }))?.myAnswer).toBe('none');
    await r1App.handlers['surveys:refresh']({});
    expect((await r1App.handlers['surveys:get']({ id }))?.myAnswer).toBe('answered');
  });
});
