import type { Question, Survey, SurveyAnswers } from '../../../shared/features/surveys/api';
import { answerProblems, isBlankAnswer } from '../../../shared/features/surveys/answer-problems';
import { SurveyErrorCode } from '../../../shared/features/surveys/api';
import type { Principal } from '../../auth/tokens';
import { writeAnonymousAudit } from '../../audit/audit-log';
import type { Tx } from '../../db/transaction';
import { ApiError, invalid } from '../../http/api-error';
import { getSurvey } from './store';

/** Tally keys for the respondent count (question ids cannot contain '*'). */
export const RESPONDENTS_KEY = '*';
/** The group of respondents who are in no audience team. */
export const NO_TEAM_KEY = '';

export interface NormalizedAnswers {
  /** question id → tallied values (one for NPS/Likert/single choice, several for multiple choice). */
  tallies: [questionId: string, value: string][];
  comments: [questionId: string, body: string][];
  stored: Record<string, number | string | string[]>;
}

/**
 * Checks answers against the survey's questions with the app's own rule (answer-problems.ts):
 * any problem is a 400 saying which question and why, in words a person can act on.
 */
export function normalizeAnswers(questions: readonly Question[], answers: SurveyAnswers): NormalizedAnswers {
  const problems = answerProblems(questions, answers);
  if (problems.length > 0) throw invalid(problems.map((problem) => problem.message).join(' '));
  const out: NormalizedAnswers = { tallies: [], comments: [], stored: {} };
  for (const q of questions) {
    const value = answers[q.id];
    if (value === undefined || isBlankAnswer(value)) continue;
    switch (q.type) {
      case 'nps':
      case 'likert':
      case 'single_choice':
        out.tallies.push([q.id, String(value)]);
        out.stored[q.id] = value;
        break;
      case 'multiple_choice': {
        const ids = value as string[];
        for (const id of ids) out.tallies.push([q.id, id]);
        out.stored[q.id] = [...ids].sort();
        break;
      }
      case 'free_text':
        out.comments.push([q.id, (value as string).trim()]);
        out.stored[q.id] = (value as string).trim();
        break;
    }
  }
  return out;
}

export function surveyWindowError(survey: Survey, now: Date): ApiError | null {
  if (survey.status !== 'published' || now < new Date(survey.opensAt)) {
    return new ApiError(
      409,
      SurveyErrorCode.notOpen,
      `"${survey.title}" is not open for answers yet (opens ${survey.opensAt})`,
    );
  }
  if (now >= new Date(survey.closesAt)) {
    return new ApiError(
      409,
      SurveyErrorCode.closed,
      `"${survey.title}" closed at ${survey.closesAt}, before your response reached the platform; it was not recorded`,
    );
  }
  return null;
}

/**
 * Records one response. In ONE transaction: the receipt (who) and the response (what) are written
 * with nothing in common but the survey id, and the tallies are bumped. A second answer by the
 * same person hits the receipt's primary key and is refused with `already_answered`.
 */
export async function answerSurvey(
  tx: Tx,
  principal: Principal,
  surveyId: string,
  answers: SurveyAnswers,
  now = new Date(),
): Promise<{ accepted: true }> {
  // FOR SHARE: a concurrent close or edit of the survey waits for this answer, and vice versa.
  const survey = await getSurvey(tx, surveyId, 'FOR SHARE');
  const windowError = surveyWindowError(survey, now);
  if (windowError) throw windowError;
  const audience = survey.audienceTeamIds;
  const teams = audience.length
    ? principal.teamIds.filter((t) => audience.includes(t))
    : [...principal.teamIds];
  if (audience.length && teams.length === 0) {
    throw new ApiError(403, SurveyErrorCode.notInAudience, `"${survey.title}" is for other teams`);
  }
  const normalized = normalizeAnswers(survey.questions, answers);
  // One group per person, so the team groups partition the respondents (the suppression rule needs that).
  const teamKey = teams.sort()[0] ?? NO_TEAM_KEY;

  const receipt = await tx.query(
    'INSERT INTO survey_receipts (survey_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [surveyId, principal.userId],
  );
  if (receipt.rowCount === 0) {
    throw new ApiError(409, SurveyErrorCode.alreadyAnswered, `you have already answered "${survey.title}"`);
  }
  await tx.query('INSERT INTO survey_responses (survey_id, team_key, answers) VALUES ($1, $2, $3)', [
    surveyId,
    teamKey,
    JSON.stringify(normalized.stored),
  ]);
  // Sorted keys: concurrent answers lock tally rows in the same order and cannot deadlock.
  const keys = [[RESPONDENTS_KEY, RESPONDENTS_KEY], ...normalized.tallies]
    .map(([q, v]) => `${q}\u0001${v}`)
    .sort();
  await tx.query(
    `INSERT INTO survey_tallies (survey_id, team_key, question_id, value, n)
     SELECT $1, $2, split_part(k, chr(1), 1), split_part(k, chr(1), 2), 1 FROM unnest($3::text[]) AS k
     ON CONFLICT (survey_id, team_key, question_id, value) DO UPDATE SET n = survey_tallies.n + 1`,
    [surveyId, teamKey, keys],
  );
  for (const [questionId, body] of normalized.comments) {
    await tx.query(
      'INSERT INTO survey_comments (survey_id, team_key, question_id, body) VALUES ($1, $2, $3, $4)',
      [surveyId, teamKey, questionId, body],
    );
  }
  // "A response was recorded": no actor, only the day, so the audit ties no one to a time.
  await writeAnonymousAudit(tx, 'survey.response', 'survey', surveyId);
  return { accepted: true };
}
