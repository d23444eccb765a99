import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  Adoption,
  BeforeAfter,
  DoraKeys,
  ImportQuery,
  ImportReport,
  MetricRange,
  MetricScope,
  MetricsQuery,
  MetricsReport,
  MetricsSettings,
  Onboarding,
  Roi,
  WeeklyPoint,
} from '../../../shared/features/metrics/api';
import { principalOf, requireRole } from '../../auth/authenticate';
import { withTransaction } from '../../db/transaction';
import { invalid } from '../../http/api-error';
import { errorResponses } from '../../http/schemas';
import { runImport } from './import/run-import';
import { onboarding } from './onboarding';
import {
  metricsRequest,
  readAdoption,
  readBeforeAfter,
  readDora,
  readReport,
  readRoi,
  type MetricsRequest,
} from './report';
import { readSettings, writeSettings } from './settings';
import { weeklyPoints } from './weekly';

const IMPORT_TYPES = { 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' } as const;
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

/** A part of the report with what it was computed for, so a script's answer says its scope and range. */
const part = <T extends z.ZodType>(schema: T) =>
  z.object({ scope: MetricScope, range: MetricRange, asOf: z.string(), value: schema });

/**
 * Metrics over REST (issue 10, point 3): the whole page's report in one round trip, each metric
 * alone for scripts, the settings, and the history import. Reads are open to every signed-in
 * person (the numbers are the org's, aggregated); changing settings and importing are for leads
 * and admins, audited.
 */
export const metricsRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  const tags = ['metrics'];
  const request = (query: z.output<typeof MetricsQuery>): Promise<MetricsRequest> =>
    metricsRequest(pool, query);
  const wrap = async <T>(query: z.output<typeof MetricsQuery>, read: (req: MetricsRequest) => Promise<T>) => {
    const req = await request(query);
    return { scope: req.scope.scope, range: req.range, asOf: req.asOf, value: await read(req) };
  };

  app.get(
    '/v1/metrics',
    { schema: { tags, querystring: MetricsQuery, response: { 200: MetricsReport, ...errorResponses } } },
    async (req) => readReport(pool, await request(req.query)),
  );
  app.get(
    '/v1/metrics/dora',
    { schema: { tags, querystring: MetricsQuery, response: { 200: part(DoraKeys), ...errorResponses } } },
    async (req) => wrap(req.query, (r) => readDora(pool, r)),
  );
  app.get(
    '/v1/metrics/adoption',
    { schema: { tags, querystring: MetricsQuery, response: { 200: part(Adoption), ...errorResponses } } },
    async (req) => wrap(req.query, (r) => readAdoption(pool, r)),
  );
  app.get(
    '/v1/metrics/before-after',
    { schema: { tags, querystring: MetricsQuery, response: { 200: part(BeforeAfter), ...errorResponses } } },
    async (req) => wrap(req.query, (r) => readBeforeAfter(pool, r)),
  );
  app.get(
    '/v1/metrics/onboarding',
    { schema: { tags, querystring: MetricsQuery, response: { 200: part(Onboarding), ...errorResponses } } },
    async (req) => wrap(req.query, (r) => onboarding(pool, r.scope)),
  );
  app.get(
    '/v1/metrics/roi',
    { schema: { tags, querystring: MetricsQuery, response: { 200: part(Roi), ...errorResponses } } },
    async (req) => wrap(req.query, (r) => readRoi(pool, r)),
  );
  app.get(
    '/v1/metrics/weekly',
    {
      schema: {
        tags,
        querystring: MetricsQuery,
        response: { 200: part(z.array(WeeklyPoint)), ...errorResponses },
      },
    },
    async (req) => wrap(req.query, (r) => weeklyPoints(pool, r.scope, r.range)),
  );

  app.get(
    '/v1/metrics/settings',
    { schema: { tags, response: { 200: MetricsSettings, ...errorResponses } } },
    async () => readSettings(pool),
  );
  app.put(
    '/v1/metrics/settings',
    {
      preHandler: requireRole('lead', 'admin'),
      schema: { tags, body: MetricsSettings, response: { 200: MetricsSettings, ...errorResponses } },
    },
    async (req) => withTransaction(pool, (tx) => writeSettings(tx, principalOf(req), req.body)),
  );

  app.addContentTypeParser(
    Object.keys(IMPORT_TYPES),
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  app.post(
    '/v1/metrics/imports',
    {
      preHandler: requireRole('lead', 'admin'),
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        querystring: ImportQuery,
        body: z.string().describe('text/csv or application/x-ndjson'),
        response: { 200: ImportReport, ...errorResponses },
      },
    },
    async (req) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const format = IMPORT_TYPES[type as keyof typeof IMPORT_TYPES];
      if (!format)
        throw invalid(`send the file as text/csv or application/x-ndjson, not '${type || 'nothing'}'`);
      return runImport(pool, principalOf(req), { ...req.query, format, text: req.body });
    },
  );
};
