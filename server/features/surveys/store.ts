import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  Question,
  type SurveyCreate,
  SurveyErrorCode,
  type SurveyPatch,
  type Survey,
} from '../../../shared/features/surveys/api';
import { writeAudit } from '../../audit/audit-log';
import type { Tx } from '../../db/transaction';
import { ApiError, conflict, invalid, notFound } from '../../http/api-error';
import { recordChange } from '../../sync/change-log';
import { quarterlyQuestions } from '../../../shared/features/surveys/devex-quarterly-template';

interface SurveyRow {
  id: string;
  title: string;
  description: string;
  kind: 'quarterly' | 'custom';
  quarter: string | null;
  status: 'draft' | 'published';
  questions: unknown;
  audience_team_ids: string[];
  opens_at: Date;
  closes_at: Date;
  anonymous: boolean;
  min_group_size: number;
  created_by: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const Questions = z.array(Question);

export const toSurvey = (row: SurveyRow): Survey => ({
  id: row.id,
  title: row.title,
  description: row.description,
  kind: row.kind,
  quarter: row.quarter,
  status: row.status,
  questions: Questions.parse(row.questions),
  audienceTeamIds: row.audience_team_ids,
  opensAt: row.opens_at.toISOString(),
  closesAt: row.closes_at.toISOString(),
  anonymous: row.anonymous,
  minGroupSize: row.min_group_size,
  createdBy: row.created_by,
  publishedAt: row.published_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function listSurveys(db: Pool | Tx): Promise<Survey[]> {
  const { rows } = await db.query<SurveyRow>('SELECT * FROM surveys ORDER BY opens_at DESC, id');
  return rows.map(toSurvey);
}

export async function getSurvey(
  db: Pool | Tx,
  id: string,
  lock: '' | 'FOR UPDATE' | 'FOR SHARE' = '',
): Promise<Survey> {
  const { rows } = await db.query<SurveyRow>(`SELECT * FROM surveys WHERE id = $1 ${lock}`, [id]);
  if (!rows[0]) throw notFound(`survey ${id}`);
  return toSurvey(rows[0]);
}

async function assertTeamsExist(tx: Tx, teamIds: readonly string[]): Promise<void> {
  if (!teamIds.length) return;
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM teams WHERE id = ANY($1)', [teamIds]);
  const found = new Set(rows.map((r) => r.id));
  const missing = teamIds.filter((id) => !found.has(id));
  if (missing.length) throw invalid(`audienceTeamIds: unknown team(s) ${missing.join(', ')}`);
}

/** Creates a draft; an existing id with the same creator is answered as-is (offline retries). */
export async function createSurvey(
  tx: Tx,
  actor: string,
  input: z.output<typeof SurveyCreate>,
): Promise<Survey> {
  await assertTeamsExist(tx, input.audienceTeamIds);
  const id = input.id ?? randomUUID();
  const existing = await tx.query<SurveyRow>('SELECT * FROM surveys WHERE id = $1', [id]);
  if (existing.rows[0]) {
    if (existing.rows[0].created_by !== actor) throw conflict(`survey ${id} already exists`);
    return toSurvey(existing.rows[0]);
  }
  const questions =
    input.template === 'quarterly' && input.questions.length === 0
      ? Questions.parse(quarterlyQuestions(input.capabilities))
      : input.questions;
  const { rows } = await tx.query<SurveyRow>(
    `INSERT INTO surveys (id, title, description, kind, quarter, status, questions, audience_team_ids,
                          opens_at, closes_at, anonymous, min_group_size, created_by)
     VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [
      id,
      input.title,
      input.description,
      input.template === 'quarterly' ? 'quarterly' : 'custom',
      input.quarter,
      JSON.stringify(questions),
      input.audienceTeamIds,
      input.opensAt,
      input.closesAt,
      input.anonymous,
      input.minGroupSize,
      actor,
    ],
  );
  const survey = toSurvey(rows[0] as SurveyRow);
  await recordChange(tx, 'survey', survey.id, 'put', survey);
  await writeAudit(tx, actor, 'survey.create', 'survey', survey.id, { title: survey.title });
  return survey;
}

const notDraft = (id: string) =>
  new ApiError(
    409,
    SurveyErrorCode.notDraft,
    `survey ${id} is published; its questions can no longer change`,
  );

export async function updateSurvey(
  tx: Tx,
  actor: string,
  id: string,
  patch: z.output<typeof SurveyPatch>,
): Promise<Survey> {
  const current = await getSurvey(tx, id, 'FOR UPDATE');
  if (current.status !== 'draft') throw notDraft(id);
  if (patch.audienceTeamIds) await assertTeamsExist(tx, patch.audienceTeamIds);
  const opensAt = patch.opensAt ?? current.opensAt;
  const closesAt = patch.closesAt ?? current.closesAt;
  if (Date.parse(closesAt) <= Date.parse(opensAt)) throw invalid('closesAt must be after opensAt');
  const { rows } = await tx.query<SurveyRow>(
    `UPDATE surveys SET title = $2, description = $3, quarter = $4, questions = $5, audience_team_ids = $6,
            opens_at = $7, closes_at = $8, min_group_size = $9, updated_at = now()
      WHERE id = $1 RETURNING *`,
    [
      id,
      patch.title ?? current.title,
      patch.description ?? current.description,
      patch.quarter !== undefined ? patch.quarter : current.quarter,
      JSON.stringify(patch.questions ?? current.questions),
      patch.audienceTeamIds ?? current.audienceTeamIds,
      opensAt,
      closesAt,
      patch.minGroupSize ?? current.minGroupSize,
    ],
  );
  const survey = toSurvey(rows[0] as SurveyRow);
  await recordChange(tx, 'survey', survey.id, 'put', survey);
  await writeAudit(tx, actor, 'survey.update', 'survey', id, { fields: Object.keys(patch) });
  return survey;
}

/** Publishing is idempotent: publishing a published survey answers it unchanged. */
export async function publishSurvey(tx: Tx, actor: string, id: string): Promise<Survey> {
  const current = await getSurvey(tx, id, 'FOR UPDATE');
  if (current.status === 'published') return current;
  if (current.questions.length === 0) throw invalid('a survey needs at least one question to be published');
  const { rows } = await tx.query<SurveyRow>(
    `UPDATE surveys SET status = 'published', published_at = now(), updated_at = now() WHERE id = $1 RETURNING *`,
    [id],
  );
  const survey = toSurvey(rows[0] as SurveyRow);
  await recordChange(tx, 'survey', survey.id, 'put', survey);
  await writeAudit(tx, actor, 'survey.publish', 'survey', id);
  return survey;
}

/** Ends answering now (a lead closes early); a survey already closed keeps its close time. */
export async function closeSurvey(tx: Tx, actor: string, id: string): Promise<Survey> {
  const current = await getSurvey(tx, id, 'FOR UPDATE');
  if (current.status !== 'published') throw conflict(`survey ${id} is a draft; publish it before closing it`);
  const { rows } = await tx.query<SurveyRow>(
    `UPDATE surveys SET closes_at = LEAST(closes_at, GREATEST(now(), opens_at + interval '1 millisecond')),
            updated_at = now()
      WHERE id = $1 RETURNING *`,
    [id],
  );
  const survey = toSurvey(rows[0] as SurveyRow);
  await recordChange(tx, 'survey', survey.id, 'put', survey);
  await writeAudit(tx, actor, 'survey.close', 'survey', id);
  return survey;
}
