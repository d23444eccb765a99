import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { listOf } from '../../../shared/api/directory';
import {
  MySurveys,
  Survey,
  SurveyCreate,
  SurveyPatch,
  SurveyResponseCreate,
  SurveyResults,
} from '../../../shared/features/surveys/api';
import { principalOf, requireRole } from '../../auth/authenticate';
import { withTransaction } from '../../db/transaction';
import { errorResponses, IdParams } from '../../http/schemas';
import { answerSurvey } from './answer-survey';
import { computeSurveyResults } from './survey-results';
import { closeSurvey, createSurvey, getSurvey, listSurveys, publishSurvey, updateSurvey } from './store';

const Accepted = z.object({ accepted: z.literal(true) });

/** Leads author and read results; everyone reads definitions and answers. Responses never leave. */
export const surveyRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  const tags = ['surveys'];
  const leads = requireRole('lead', 'admin');

  app.get(
    '/v1/surveys',
    { schema: { tags, response: { 200: listOf(Survey), ...errorResponses } } },
    async () => ({
      items: await listSurveys(pool),
    }),
  );

  app.post(
    '/v1/surveys',
    {
      preHandler: leads,
      config: { idempotency: true },
      schema: { tags, body: SurveyCreate, response: { 201: Survey, ...errorResponses } },
    },
    async (request, reply) => {
      const actor = principalOf(request).userId;
      const survey = await withTransaction(pool, (tx) => createSurvey(tx, actor, request.body));
      return reply.code(201).send(survey);
    },
  );

  app.get(
    '/v1/surveys/:id',
    { schema: { tags, params: IdParams, response: { 200: Survey, ...errorResponses } } },
    async (request) => getSurvey(pool, request.params.id),
  );

  app.patch(
    '/v1/surveys/:id',
    {
      preHandler: leads,
      schema: { tags, params: IdParams, body: SurveyPatch, response: { 200: Survey, ...errorResponses } },
    },
    async (request) => {
      const actor = principalOf(request).userId;
      return withTransaction(pool, (tx) => updateSurvey(tx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/v1/surveys/:id/publish',
    { preHandler: leads, schema: { tags, params: IdParams, response: { 200: Survey, ...errorResponses } } },
    async (request) => {
      const actor = principalOf(request).userId;
      return withTransaction(pool, (tx) => publishSurvey(tx, actor, request.params.id));
    },
  );

  app.post(
    '/v1/surveys/:id/close',
    { preHandler: leads, schema: { tags, params: IdParams, response: { 200: Survey, ...errorResponses } } },
    async (request) => {
      const actor = principalOf(request).userId;
      return withTransaction(pool, (tx) => closeSurvey(tx, actor, request.params.id));
    },
  );

  // No Idempotency-Key here: its record would tie the person to the time of the answer
  // (docs/architecture.md, "Numbers"). A retried answer is refused `already_answered` (the receipt).
  app.post(
    '/v1/surveys/:id/responses',
    {
      schema: {
        tags,
        params: IdParams,
        body: SurveyResponseCreate,
        response: { 201: Accepted, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const result = await withTransaction(pool, (tx) =>
        answerSurvey(tx, principal, request.params.id, request.body.answers),
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/v1/surveys/:id/results',
    {
      preHandler: leads,
      schema: { tags, params: IdParams, response: { 200: SurveyResults, ...errorResponses } },
    },
    async (request) => computeSurveyResults(pool, request.params.id),
  );

  app.get(
    '/v1/me/surveys',
    { schema: { tags, response: { 200: MySurveys, ...errorResponses } } },
    async (request) => {
      const { rows } = await pool.query<{ survey_id: string }>(
        'SELECT survey_id FROM survey_receipts WHERE user_id = $1 ORDER BY survey_id',
        [principalOf(request).userId],
      );
      return { answeredSurveyIds: rows.map((r) => r.survey_id) };
    },
  );
};
