import { z } from 'zod';
import { SurveyAnswers, SurveyCreate, SurveyPatch } from '../../../shared/features/surveys/api';
import type { Principal } from '../../auth/tokens';
import { forbidden } from '../../http/api-error';
import { defineMutation } from '../../sync/mutation-registry';
import { answerSurvey } from './answer-survey';
import { createSurvey, publishSurvey, updateSurvey } from './store';

const Id = z.string().min(1).max(100);

function assertLead(principal: Principal, what: string): void {
  if (principal.role !== 'lead' && principal.role !== 'admin')
    throw forbidden(`only leads and admins may ${what}`);
}

/** Push mutations: a lead drafts and publishes offline; an engineer answers offline. */
export const surveyCreate = defineMutation({
  name: 'survey.create',
  // The draft's id is the client's UUID, so later offline edits and the publish refer to it.
  args: SurveyCreate.and(z.object({ id: z.uuid() })),
  async handle(ctx, args) {
    assertLead(ctx.principal, 'create surveys');
    const survey = await createSurvey(ctx.tx, ctx.principal.userId, args);
    return { id: survey.id };
  },
});

export const surveyUpdate = defineMutation({
  name: 'survey.update',
  args: z.object({ id: Id, patch: SurveyPatch }),
  async handle(ctx, { id, patch }) {
    assertLead(ctx.principal, 'edit surveys');
    const survey = await updateSurvey(ctx.tx, ctx.principal.userId, id, patch);
    return { updatedAt: survey.updatedAt };
  },
});

export const surveyPublish = defineMutation({
  name: 'survey.publish',
  args: z.object({ id: Id }),
  async handle(ctx, { id }) {
    assertLead(ctx.principal, 'publish surveys');
    const survey = await publishSurvey(ctx.tx, ctx.principal.userId, id);
    return { publishedAt: survey.publishedAt };
  },
});

/**
 * `survey.answer`: append-only. The close is checked against the time the answer ARRIVES, so an
 * answer queued offline past the close is rejected `survey_closed` and the client shows why.
 * The result says nothing about the answers (mutation results are stored with the client id),
 * and `anonymous` keeps the push layer from recording who answered when.
 */
export const surveyAnswer = defineMutation({
  name: 'survey.answer',
  anonymous: true,
  args: z.object({ surveyId: Id, responseId: z.uuid(), answers: SurveyAnswers }),
  async handle(ctx, { surveyId, answers }) {
    return answerSurvey(ctx.tx, ctx.principal, surveyId, answers);
  },
});

export const surveyMutations = [surveyCreate, surveyUpdate, surveyPublish, surveyAnswer];
