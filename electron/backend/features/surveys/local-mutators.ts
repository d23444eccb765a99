import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  Question,
  Survey,
  SurveyAnswers,
  SurveyCreate,
  SurveyPatch,
} from '../../../../shared/features/surveys/api';
import { quarterlyQuestions } from '../../../../shared/features/surveys/devex-quarterly-template';
import { defineLocalMutator } from '../../outbox/local-mutator';

/**
 * Optimistic effects of the survey push mutations (the server surveys feature's). Each sets
 * whole fields from its arguments, so rebase can re-apply it on newer server data.
 */

const titleOf = (db: Database, id: string): string => {
  const row = db.prepare('SELECT data FROM surveys WHERE id = ?').get(id) as { data: string } | undefined;
  const parsed = row ? Survey.safeParse(JSON.parse(row.data)) : null;
  return parsed?.success ? parsed.data.title : 'a survey';
};

const Id = z.string().min(1).max(100);

export const surveyCreateLocal = defineLocalMutator({
  name: 'survey.create',
  args: SurveyCreate.and(z.object({ id: z.uuid() })),
  describe: (_db, args) => `Create survey draft "${args.title}"`,
  apply(ctx, args) {
    const questions =
      args.template === 'quarterly' && args.questions.length === 0
        ? z.array(Question).parse(quarterlyQuestions(args.capabilities))
        : args.questions;
    const draft: Survey = {
      id: args.id,
      title: args.title,
      description: args.description,
      kind: args.template === 'quarterly' ? 'quarterly' : 'custom',
      quarter: args.quarter,
      status: 'draft',
      questions,
      audienceTeamIds: args.audienceTeamIds,
      opensAt: new Date(args.opensAt).toISOString(),
      closesAt: new Date(args.closesAt).toISOString(),
      anonymous: args.anonymous,
      minGroupSize: args.minGroupSize,
      createdBy: null,
      publishedAt: null,
      createdAt: ctx.createdAt,
      updatedAt: ctx.createdAt,
    };
    // The server already has it (a retry after the pull): keep the server's version.
    if (ctx.read('survey', args.id) === null) ctx.put('survey', args.id, draft);
  },
});

export const surveyUpdateLocal = defineLocalMutator({
  name: 'survey.update',
  args: z.object({ id: Id, patch: SurveyPatch }),
  describe: (db, { id, patch }) => `Edit ${titleOf(db, id)}: ${Object.keys(patch).join(', ')}`,
  apply(ctx, { id, patch }) {
    const current = Survey.safeParse(ctx.read('survey', id));
    if (!current.success || current.data.status !== 'draft') return;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    ctx.put('survey', id, { ...current.data, ...defined, updatedAt: ctx.createdAt });
  },
});

export const surveyPublishLocal = defineLocalMutator({
  name: 'survey.publish',
  args: z.object({ id: Id }),
  describe: (db, { id }) => `Publish ${titleOf(db, id)}`,
  apply(ctx, { id }) {
    const current = Survey.safeParse(ctx.read('survey', id));
    if (!current.success || current.data.status === 'published') return;
    ctx.put('survey', id, { ...current.data, status: 'published', publishedAt: ctx.createdAt });
  },
});

/**
 * `survey.answer` is append-only: its local effect is the outbox row itself (the survey shows as
 * queued); the answers never enter a synced table, and none ever comes back from the platform.
 */
export const surveyAnswerLocal = defineLocalMutator({
  name: 'survey.answer',
  args: z.object({ surveyId: Id, responseId: z.uuid(), answers: SurveyAnswers }),
  describe: (db, { surveyId }) => `Answer ${titleOf(db, surveyId)}`,
  apply(ctx) {
    ctx.tables.add('surveys');
  },
});

export const surveyLocalMutators = [
  surveyCreateLocal,
  surveyUpdateLocal,
  surveyPublishLocal,
  surveyAnswerLocal,
];
