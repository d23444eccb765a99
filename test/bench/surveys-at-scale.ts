import { TeamCreate } from '../../shared/api/directory';
import { SurveyCreate } from '../../shared/features/surveys/api';
import { ADMIN_USER_ID } from '../../server/directory/admin-user';
import { createTeam } from '../../server/directory/teams';
import { withTransaction } from '../../server/db/transaction';
import { normalizeAnswers, RESPONDENTS_KEY } from '../../server/features/surveys/answer-survey';
import { computeSurveyResults } from '../../server/features/surveys/survey-results';
import { createSurvey, publishSurvey } from '../../server/features/surveys/store';
import { generateSurveyResponses } from '../fixtures/survey-responses';
import { startBenchDatabase } from './bench-database';

export interface SurveyBench {
  responses: number;
  loadMs: number;
  /** GET …/results path: tallies → NPS, Likert, DevEx, teams, suppression, comments, trend. */
  resultsMs: number[];
  /** Worst case: recount the NPS over every response row in SQL. */
  fullScanMs: number;
  consistent: boolean;
}

/**
 * Loads `count` generated responses into a throwaway PostgreSQL the way the answering path
 * stores them (response rows, tallies, comments — batched, since a million HTTP calls would
 * measure the loader, not the aggregation), then times computing the results.
 */
export async function benchSurveyResults(count: number): Promise<SurveyBench> {
  const database = await startBenchDatabase('surveys');
  const { pool } = database;
  try {
    const teamIds = await withTransaction(pool, async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        ids.push((await createTeam(tx, null, TeamCreate.parse({ slug: `team-${i}`, name: `Team ${i}` }))).id);
      }
      return ids;
    });
    const survey = await withTransaction(pool, async (tx) => {
      const draft = await createSurvey(
        tx,
        ADMIN_USER_ID,
        SurveyCreate.parse({
          title: 'Quarterly platform survey',
          template: 'quarterly',
          quarter: '2025-Q3',
          opensAt: new Date(Date.now() - 3600_000).toISOString(),
          closesAt: new Date(Date.now() + 3600_000).toISOString(),
        }),
      );
      return publishSurvey(tx, ADMIN_USER_ID, draft.id);
    });
    const likertIds = survey.questions.filter((q) => q.type === 'likert').map((q) => q.id);
    // Two tiny teams so suppression has work to do.
    const teamKeys = [...teamIds.slice(0, 18), ...teamIds.slice(0, 18), teamIds[18] ?? '', teamIds[19] ?? ''];

    const loadStarted = performance.now();
    const tallies = new Map<string, number>();
    let batch: { teamKey: string; answers: string }[] = [];
    let comments: { teamKey: string; body: string }[] = [];
    const flush = async () => {
      await pool.query(
        `INSERT INTO survey_responses (survey_id, team_key, answers)
         SELECT $1, t, a::jsonb FROM unnest($2::text[], $3::text[]) AS x(t, a)`,
        [survey.id, batch.map((b) => b.teamKey), batch.map((b) => b.answers)],
      );
      if (comments.length) {
        await pool.query(
          `INSERT INTO survey_comments (survey_id, team_key, question_id, body)
           SELECT $1, t, 'comments', b FROM unnest($2::text[], $3::text[]) AS x(t, b)`,
          [survey.id, comments.map((c) => c.teamKey), comments.map((c) => c.body)],
        );
      }
      batch = [];
      comments = [];
    };
    // The same validation and normalization as the answering path.
    for (const response of generateSurveyResponses(count, teamKeys, likertIds)) {
      const normalized = normalizeAnswers(survey.questions, response.answers);
      for (const [q, v] of [[RESPONDENTS_KEY, RESPONDENTS_KEY], ...normalized.tallies]) {
        const key = `${response.teamKey}\u0001${q}\u0001${v}`;
        tallies.set(key, (tallies.get(key) ?? 0) + 1);
      }
      for (const [, body] of normalized.comments) comments.push({ teamKey: response.teamKey, body });
      batch.push({ teamKey: response.teamKey, answers: JSON.stringify(normalized.stored) });
      if (batch.length === 10_000) await flush();
    }
    if (batch.length) await flush();
    const entries = [...tallies];
    await pool.query(
      `INSERT INTO survey_tallies (survey_id, team_key, question_id, value, n)
       SELECT $1, split_part(k, chr(1), 1), split_part(k, chr(1), 2), split_part(k, chr(1), 3), n
         FROM unnest($2::text[], $3::bigint[]) AS x(k, n)`,
      [survey.id, entries.map(([k]) => k), entries.map(([, n]) => n)],
    );
    await pool.query('VACUUM ANALYZE');
    const loadMs = performance.now() - loadStarted;

    const resultsMs: number[] = [];
    let overallPromoters = -1;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const results = await computeSurveyResults(pool, survey.id);
      resultsMs.push(performance.now() - started);
      overallPromoters = results.overall?.questions.find((q) => q.questionId === 'nps')?.nps?.promoters ?? -1;
    }
    const scanStarted = performance.now();
    const { rows } = await pool.query<{ promoters: string }>(
      `SELECT count(*) FILTER (WHERE (answers->>'nps')::int >= 9) AS promoters
         FROM survey_responses WHERE survey_id = $1`,
      [survey.id],
    );
    const fullScanMs = performance.now() - scanStarted;
    return {
      responses: count,
      loadMs,
      resultsMs,
      fullScanMs,
      consistent: Number(rows[0]?.promoters) === overallPromoters,
    };
  } finally {
    await database.close();
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** `npm run bench` section: PAVE_BENCH_SURVEY_RESPONSES (default 1,000,000) generated responses. */
export async function printSurveyBench(): Promise<void> {
  const count = Number(process.env.PAVE_BENCH_SURVEY_RESPONSES ?? 1_000_000);
  const r = await benchSurveyResults(count);
  const sorted = [...r.resultsMs].sort((a, b) => a - b);
  console.log(
    `\nsurvey results over ${fmt(r.responses)} responses (tallies kept in the answering transaction)`,
  );
  console.log(`  load (generate + insert) ${fmt(r.loadMs / 1000, 1)} s`);
  console.log(`  results, median of 5     ${fmt(sorted[2] ?? 0, 1)} ms (min ${fmt(sorted[0] ?? 0, 1)} ms)`);
  console.log(`  full SQL scan for NPS    ${fmt(r.fullScanMs)} ms (what results would cost without tallies)`);
  console.log(`  tallies match the scan   ${r.consistent ? 'yes' : 'NO'}`);
}
