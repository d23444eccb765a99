import type { Pool } from 'pg';
import type {
  GroupResult,
  Question,
  QuestionResult,
  Survey,
  SurveyResults,
  TeamBreakdown,
  TrendPoint,
} from '../../../shared/features/surveys/api';
import { collectingRespondents, releaseOf, suppressGroups } from '../../../shared/domain/anonymity';
import { DEVEX_DRIVERS, devexScore } from '../../../shared/domain/devex';
import { summarizeLikert } from '../../../shared/domain/likert';
import { computeNps, countHistogram, type NpsCounts } from '../../../shared/domain/nps';
import { compareNps } from '../../../shared/domain/significance';
import { NO_TEAM_KEY, RESPONDENTS_KEY } from './answer-survey';
import { getSurvey, listSurveys } from './store';

/** Comments per question and group: enough to read, bounded so a huge survey stays fast. */
export const COMMENT_LIMIT = 200;

/** question id → value → count, for one group of teams. */
type Tally = Map<string, Map<string, number>>;

interface TallyRow {
  team_key: string;
  question_id: string;
  value: string;
  n: string;
}

async function readTallies(pool: Pool, surveyId: string): Promise<Map<string, Tally>> {
  const { rows } = await pool.query<TallyRow>(
    'SELECT team_key, question_id, value, n FROM survey_tallies WHERE survey_id = $1',
    [surveyId],
  );
  const byTeam = new Map<string, Tally>();
  for (const row of rows) {
    const tally = byTeam.get(row.team_key) ?? new Map<string, Map<string, number>>();
    byTeam.set(row.team_key, tally);
    const values = tally.get(row.question_id) ?? new Map<string, number>();
    tally.set(row.question_id, values);
    values.set(row.value, (values.get(row.value) ?? 0) + Number(row.n));
  }
  return byTeam;
}

function mergeTallies(tallies: Iterable<Tally>): Tally {
  const merged: Tally = new Map();
  for (const tally of tallies) {
    for (const [q, values] of tally) {
      const into = merged.get(q) ?? new Map<string, number>();
      merged.set(q, into);
      for (const [v, n] of values) into.set(v, (into.get(v) ?? 0) + n);
    }
  }
  return merged;
}

const histogram = (values: Map<string, number> | undefined, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => values?.get(String(from + i)) ?? 0);

export const npsCountsOf = (tally: Tally, questionId: string): NpsCounts =>
  countHistogram(histogram(tally.get(questionId), 0, 10));

async function commentsFor(
  pool: Pool,
  surveyId: string,
  questionId: string,
  teamKeys: string[] | null,
): Promise<string[]> {
  // Ordered by the random key: a random sample, never arrival order.
  const { rows } = teamKeys
    ? await pool.query<{ body: string }>(
        `SELECT body FROM survey_comments WHERE survey_id = $1 AND question_id = $2 AND team_key = ANY($3)
         ORDER BY id LIMIT $4`,
        [surveyId, questionId, teamKeys, COMMENT_LIMIT],
      )
    : await pool.query<{ body: string }>(
        'SELECT body FROM survey_comments WHERE survey_id = $1 AND question_id = $2 ORDER BY id LIMIT $3',
        [surveyId, questionId, COMMENT_LIMIT],
      );
  return rows.map((r) => r.body);
}

async function groupResult(
  pool: Pool,
  survey: Survey,
  tally: Tally,
  teamKeys: string[] | null,
): Promise<GroupResult> {
  const questions: QuestionResult[] = [];
  for (const q of survey.questions) {
    const values = tally.get(q.id);
    const base = { questionId: q.id, type: q.type, prompt: q.prompt } as const;
    questions.push(await questionResult(pool, survey.id, q, values, base, teamKeys));
  }
  const devex = DEVEX_DRIVERS.map((driver) =>
    devexScore(
      driver,
      survey.questions
        .filter((q) => q.type === 'likert' && q.driver === driver)
        .map((q) => histogram(tally.get(q.id), 1, 5)),
    ),
  );
  return { respondents: tally.get(RESPONDENTS_KEY)?.get(RESPONDENTS_KEY) ?? 0, questions, devex };
}

async function questionResult(
  pool: Pool,
  surveyId: string,
  q: Question,
  values: Map<string, number> | undefined,
  base: Pick<QuestionResult, 'questionId' | 'type' | 'prompt'>,
  teamKeys: string[] | null,
): Promise<QuestionResult> {
  switch (q.type) {
    case 'nps': {
      const nps = computeNps(countHistogram(histogram(values, 0, 10)));
      return { ...base, answered: nps.n, nps };
    }
    case 'likert': {
      const likert = summarizeLikert(histogram(values, 1, 5));
      return { ...base, answered: likert.n, likert };
    }
    case 'single_choice':
    case 'multiple_choice': {
      // Multiple choice: shares of respondents who answered the question are not derivable
      // from option counts, so shares are of all selections.
      const counts = q.options.map((o) => ({
        optionId: o.id,
        label: o.label,
        count: values?.get(o.id) ?? 0,
      }));
      const total = counts.reduce((s, c) => s + c.count, 0);
      return {
        ...base,
        answered: total,
        choices: counts.map((c) => ({ ...c, share: total ? c.count / total : 0 })),
      };
    }
    case 'free_text': {
      const comments = await commentsFor(pool, surveyId, q.id, teamKeys);
      return { ...base, answered: comments.length, comments };
    }
  }
}

interface AudienceRow {
  team_key: string;
  team_name: string | null;
  members: string;
}

/**
 * People in the audience per group, each in ONE group: their first audience team by id (as
 * answerSurvey assigns it), or the no-team group when the audience is everyone.
 */
async function audienceByTeam(
  pool: Pool,
  survey: Survey,
): Promise<Map<string, { name: string; members: number }>> {
  const { rows } = await pool.query<AudienceRow>(
    `WITH assigned AS (
       SELECT COALESCE((SELECT min(m.team_id) FROM team_members m
                         WHERE m.user_id = u.id AND (cardinality($1::text[]) = 0 OR m.team_id = ANY($1))), '') AS team_key
         FROM users u)
     SELECT a.team_key, t.name AS team_name, count(*) AS members
       FROM assigned a LEFT JOIN teams t ON t.id = a.team_key
      WHERE cardinality($1::text[]) = 0 OR a.team_key <> ''
      GROUP BY a.team_key, t.name`,
    [survey.audienceTeamIds],
  );
  const out = new Map<string, { name: string; members: number }>();
  for (const r of rows) out.set(r.team_key, { name: r.team_name ?? 'No team', members: Number(r.members) });
  return out;
}

async function teamNames(pool: Pool, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ id: string; name: string }>(
    'SELECT id, name FROM teams WHERE id = ANY($1)',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

const respondentsOf = (tally: Tally | undefined) => tally?.get(RESPONDENTS_KEY)?.get(RESPONDENTS_KEY) ?? 0;

/** NPS over time for surveys of the same kind (quarterly surveys follow each other). */
async function trendFor(pool: Pool, survey: Survey, now: Date): Promise<TrendPoint[]> {
  const surveys = (await listSurveys(pool))
    .filter(
      (s) =>
        s.status === 'published' &&
        s.kind === survey.kind &&
        s.questions.some((q) => q.type === 'nps') &&
        // Only released surveys: an open one's NPS would change with every answer.
        releaseOf(s.closesAt, now) === 'released',
    )
    .sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  const points: TrendPoint[] = [];
  let previous: NpsCounts | null = null;
  for (const s of surveys) {
    const npsQuestion = s.questions.find((q) => q.type === 'nps');
    if (!npsQuestion) continue;
    const tally = mergeTallies((await readTallies(pool, s.id)).values());
    // A survey below k shows nothing, not even in the trend.
    if (respondentsOf(tally) < s.minGroupSize) continue;
    const counts = npsCountsOf(tally, npsQuestion.id);
    points.push({
      surveyId: s.id,
      title: s.title,
      quarter: s.quarter,
      closesAt: s.closesAt,
      nps: computeNps(counts),
      comparison: previous ? compareNps(previous, counts) : null,
    });
    previous = counts;
  }
  return points;
}

/**
 * The results a lead may see. Everything below k respondents is withheld HERE, on the server:
 * the whole survey while fewer than k answered, and team groups by `suppressGroups` (primary
 * and complementary suppression), comments included. Nothing is released while the survey is
 * open (`releaseOf`): only the respondent count, rounded down to a multiple of k, so two looks
 * can never be differenced around one person's answer (docs/architecture.md, "Numbers").
 */
export async function computeSurveyResults(
  pool: Pool,
  surveyId: string,
  now = new Date(),
): Promise<SurveyResults> {
  const survey = await getSurvey(pool, surveyId);
  const k = survey.minGroupSize;
  const tallies = await readTallies(pool, surveyId);
  const audience = await audienceByTeam(pool, survey);
  const audienceTotal = [...audience.values()].reduce((s, a) => s + a.members, 0);
  if (releaseOf(survey.closesAt, now) === 'collecting') {
    const counted = [...tallies.values()].reduce((s, tally) => s + respondentsOf(tally), 0);
    return {
      surveyId,
      computedAt: now.toISOString(),
      minGroupSize: k,
      respondents: collectingRespondents(counted, k),
      audience: audienceTotal,
      suppressed: true,
      release: 'collecting',
      overall: null,
      teams: [],
      trend: await trendFor(pool, survey, now),
    };
  }
  const keys = new Set([...audience.keys(), ...tallies.keys()]);
  const names = await teamNames(
    pool,
    [...keys].filter((key) => key !== NO_TEAM_KEY),
  );
  const groups = [...keys].map((key) => ({ key, respondents: respondentsOf(tallies.get(key)) }));
  const respondents = groups.reduce((s, g) => s + g.respondents, 0);
  const suppressed = respondents < k;
  const suppression = suppressGroups(groups, k);
  const visible = new Set(suppressed ? [] : suppression.visible);

  const teams: TeamBreakdown[] = [];
  for (const group of groups.sort((a, b) => (names.get(a.key) ?? '').localeCompare(names.get(b.key) ?? ''))) {
    const members = audience.get(group.key)?.members ?? 0;
    const shown = visible.has(group.key);
    teams.push({
      teamId: group.key === NO_TEAM_KEY ? null : group.key,
      teamName: group.key === NO_TEAM_KEY ? 'No team' : (names.get(group.key) ?? 'Deleted team'),
      audience: members,
      respondents: group.respondents,
      responseRate: members ? Math.min(1, group.respondents / members) : null,
      visible: shown,
      hiddenReason: shown ? null : (suppression.reasons[group.key] ?? 'too_few_respondents'),
      result: shown
        ? await groupResult(pool, survey, tallies.get(group.key) ?? new Map(), [group.key])
        : null,
    });
  }
  return {
    surveyId,
    computedAt: now.toISOString(),
    minGroupSize: k,
    respondents,
    audience: audienceTotal,
    suppressed,
    release: 'released',
    overall: suppressed ? null : await groupResult(pool, survey, mergeTallies(tallies.values()), null),
    teams,
    trend: await trendFor(pool, survey, now),
  };
}
