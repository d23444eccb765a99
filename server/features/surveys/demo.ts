import { SurveyCreate, type Question, type SurveyAnswers } from '../../../shared/features/surveys/api';
import { createPicker, type Picker } from '../../../shared/domain/seeded-random';
import { writeAudit } from '../../audit/audit-log';
import type { Tx } from '../../db/transaction';
import type { DemoSeed } from '../../platform/server-feature';
import { recordChange } from '../../sync/change-log';
import { NO_TEAM_KEY, RESPONDENTS_KEY, normalizeAnswers } from './answer-survey';
import { createSurvey, toSurvey } from './store';

/**
 * Four past quarterly DevEx surveys for the demo (issue 10, point 5): closed, answered by most of
 * the demo's people, NPS rising as the platform matured, so the NPS-per-quarter chart has points
 * and intervals. Answers are stored as `answerSurvey` stores them (answer-survey.ts): receipts say
 * who answered, responses what, and nothing pairs them — the answers are drawn independently of
 * the people, and no row has a time.
 */

/** The capabilities the demo surveys rate, named as the Metrics page names them. */
export const DEMO_SURVEY_CAPABILITIES = [
  'CI/CD pipelines',
  'Service templates',
  'Observability',
  'Database provisioning',
  'Caches',
  'Queues',
  'Feature flags',
  'Canary deploys',
];

// How each capability scores against the survey's mood: the ones few teams use are also the ones
// people rate lower, which is what the Metrics page points at ("a usability problem").
const CAPABILITY_TILT: Record<string, number> = {
  'CI/CD pipelines': 0.5,
  'Service templates': -0.9,
  Observability: 0.1,
  'Database provisioning': 0.3,
  Caches: -0.3,
  Queues: -0.8,
  'Feature flags': 0.2,
  'Canary deploys': -0.1,
};

// Oldest first: share of promoters and detractors, mean satisfaction (1–5) and respondents.
const QUARTERS = [
  { promoters: 0.24, detractors: 0.42, satisfaction: 2.8, respondents: 31 },
  { promoters: 0.33, detractors: 0.3, satisfaction: 3.2, respondents: 34 },
  { promoters: 0.42, detractors: 0.22, satisfaction: 3.6, respondents: 37 },
  { promoters: 0.52, detractors: 0.14, satisfaction: 3.9, respondents: 40 },
];

const COMMENTS = [
  'Deploys are so much faster than the old release train.',
  'The docs for provisioning a queue are hard to find.',
  'Please add preview environments per pull request.',
  'Canary analysis saved us twice this quarter.',
  'Pipelines are great but the build cache misses too often.',
  'I still do not know who to ask about flags.',
  'Templates got us to production in a day.',
  'Alert noise is down, thank you.',
];

interface Quarter {
  label: string;
  opensAt: string;
  closesAt: string;
}

/** The four quarters before `now`'s, oldest first; each survey ran two weeks in its last month. */
export function pastQuarters(now: string, count = 4): Quarter[] {
  const date = new Date(now);
  const current = date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3);
  return Array.from({ length: count }, (_, index) => {
    const quarter = current - count + index;
    const year = Math.floor(quarter / 4);
    const q = quarter % 4;
    const opens = Date.UTC(year, q * 3 + 2, 8, 9);
    return {
      label: `${year}-Q${q + 1}`,
      opensAt: new Date(opens).toISOString(),
      closesAt: new Date(opens + 14 * 24 * 3600_000).toISOString(),
    };
  });
}

/** A survey's id from its quarter: a UUID (as clients make them), the same on every seed. */
const surveyId = (label: string) => `5eed0000-0000-4000-8000-${label.replace('-Q', '0000000')}`;

const likert = (rng: Picker, mean: number) =>
  Math.min(5, Math.max(1, Math.round(mean + (rng.int(0, 100) - 50) / 40)));

function drawAnswers(
  rng: Picker,
  questions: readonly Question[],
  mood: (typeof QUARTERS)[number],
): SurveyAnswers {
  const answers: SurveyAnswers = {};
  for (const question of questions) {
    if (question.type === 'nps') {
      const roll = rng.int(0, 999) / 1000;
      answers[question.id] =
        roll < mood.promoters
          ? rng.int(9, 10)
          : roll < mood.promoters + mood.detractors
            ? rng.int(2, 6)
            : rng.int(7, 8);
    } else if (question.type === 'likert' && !rng.chance(0.1)) {
      const tilt = question.capability ? (CAPABILITY_TILT[question.capability] ?? 0) : 0;
      answers[question.id] = likert(rng, mood.satisfaction + tilt);
    } else if (question.type === 'free_text' && rng.chance(0.3)) {
      answers[question.id] = rng.pick(COMMENTS);
    }
  }
  return answers;
}

export async function seedDemoSurveys(tx: Tx, { seed, directory, now }: DemoSeed): Promise<void> {
  const lead = directory.users.find((user) => user.input.role === 'lead');
  if (!lead) return;
  const rng = createPicker(seed ^ 0x5a7e);
  for (const [index, quarter] of pastQuarters(now).entries()) {
    const mood = QUARTERS[index]!;
    const created = await createSurvey(
      tx,
      lead.id,
      SurveyCreate.parse({
        id: surveyId(quarter.label),
        title: `Developer experience ${quarter.label}`,
        description:
          'The quarterly survey: how likely you are to recommend the platform, and what to fix next.',
        quarter: quarter.label,
        opensAt: quarter.opensAt,
        closesAt: quarter.closesAt,
        template: 'quarterly',
        capabilities: DEMO_SURVEY_CAPABILITIES,
      }),
    );
    // Published when it opened (not at seeding time), so the survey reads as it happened.
    const { rows } = await tx.query(
      `UPDATE surveys SET status = 'published', published_at = opens_at, updated_at = closes_at,
            created_at = opens_at - interval '7 days'
        WHERE id = $1 RETURNING *`,
      [created.id],
    );
    const survey = toSurvey(rows[0]);
    await recordChange(tx, 'survey', survey.id, 'put', survey);
    await writeAudit(tx, lead.id, 'survey.publish', 'survey', survey.id);

    // Who answered, and the team each of them counts in (as answerSurvey picks it) …
    const respondents = rng.sample(directory.users, mood.respondents);
    const teamKeys = respondents.map((user) => [...user.input.teamIds].sort()[0] ?? NO_TEAM_KEY);
    await tx.query('INSERT INTO survey_receipts (survey_id, user_id) SELECT $1, unnest($2::text[])', [
      survey.id,
      respondents.map((user) => user.id),
    ]);
    // … and what was answered: drawn per team key in a shuffled order, paired with no one.
    const tallies = new Map<string, number>();
    const responses: { teamKey: string; stored: string }[] = [];
    const comments: { teamKey: string; questionId: string; body: string }[] = [];
    for (const teamKey of rng.sample(teamKeys, teamKeys.length)) {
      const normalized = normalizeAnswers(survey.questions, drawAnswers(rng, survey.questions, mood));
      responses.push({ teamKey, stored: JSON.stringify(normalized.stored) });
      for (const [questionId, value] of [[RESPONDENTS_KEY, RESPONDENTS_KEY], ...normalized.tallies]) {
        const key = `${teamKey}\u0001${questionId}\u0001${value}`;
        tallies.set(key, (tallies.get(key) ?? 0) + 1);
      }
      for (const [questionId, body] of normalized.comments) comments.push({ teamKey, questionId, body });
    }
    await tx.query(
      `INSERT INTO survey_responses (survey_id, team_key, answers)
       SELECT $1, team_key, answers FROM unnest($2::text[], $3::jsonb[]) AS r (team_key, answers)`,
      [survey.id, responses.map((r) => r.teamKey), responses.map((r) => r.stored)],
    );
    const keys = [...tallies.keys()].sort();
    await tx.query(
      `INSERT INTO survey_tallies (survey_id, team_key, question_id, value, n)
       SELECT $1, split_part(k, chr(1), 1), split_part(k, chr(1), 2), split_part(k, chr(1), 3), n
         FROM unnest($2::text[], $3::bigint[]) AS t (k, n)`,
      [survey.id, keys, keys.map((key) => tallies.get(key) ?? 0)],
    );
    await tx.query(
      `INSERT INTO survey_comments (survey_id, team_key, question_id, body)
       SELECT $1, team_key, question_id, body FROM unnest($2::text[], $3::text[], $4::text[]) AS c (team_key, question_id, body)`,
      [
        survey.id,
        comments.map((c) => c.teamKey),
        comments.map((c) => c.questionId),
        comments.map((c) => c.body),
      ],
    );
  }
}
