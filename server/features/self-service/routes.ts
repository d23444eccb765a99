import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { EnvironmentName } from '../../../shared/features/catalog/api';
import { ApiErrorBody } from '../../../shared/api/errors';
import {
  CanaryDecision,
  CanaryDecisionAccepted,
  CostReport,
  Deployment,
  ServiceVersion,
  DeployRequest,
  type LogLine,
  LogsQuery,
  RollbackRequest,
} from '../../../shared/features/self-service/api';
import {
  AlertRule,
  AlertRuleCreate,
  AlertRulePatch,
  Incident,
  IncidentStatus,
} from '../../../shared/features/self-service/api';
import { OperationAccepted } from '../../../shared/features/operations/api';
import { CreateFromTemplate, Template } from '../../../shared/features/self-service/api';
import { principalOf } from '../../auth/authenticate';
import { costReport } from './cost/cost-report';
import { withTransaction } from '../../db/transaction';
import {
  deleteAlertRule,
  getAlertRule,
  listAlertRules,
  patchAlertRule,
  upsertAlertRule,
} from './health/alert-rules';
import { listIncidents } from './health/incidents';
import { IDEMPOTENCY_HEADER } from '../../idempotency/idempotency-route';
import { assertCanActOnService } from '../catalog/public';
import type { EventStreams } from '../../http/event-stream';
import { errorResponses, IdParams, NoContent } from '../../http/schemas';
import type { LocalRuntime } from './runtime/local-runtime';
import { templateDefinitions } from './templates/definitions';
import { getDeployment, listDeployments } from './deployments/deployment-rows';
import { requestCreateService, requestDeploy, requestRollback } from './requests';
import { requestCanaryDecision } from './canary/canary-rows';
import { listVersions } from './versions/versions';

const accepted = { 202: OperationAccepted, ...errorResponses, 422: ApiErrorBody };
const keyOf = (headers: Record<string, unknown>): string | null => {
  const key = headers[IDEMPOTENCY_HEADER];
  return typeof key === 'string' ? key : null;
};

/** JSON Schema of a template's form; computed once (the definitions are static). */
const templates: Template[] = templateDefinitions.map((t) => ({
  id: t.id,
  title: t.title,
  description: t.description,
  parameters: z.toJSONSchema(t.parameters, { io: 'input' }) as Record<string, unknown>,
  policies: t.policies,
}));

export const selfServiceRoutes: FastifyPluginAsyncZod<{
  pool: Pool;
  runtime: LocalRuntime;
  streams: EventStreams;
}> = async (app, { pool, runtime, streams }) => {
  const tags = ['self-service'];

  app.get(
    '/v1/templates',
    { schema: { tags, response: { 200: z.object({ items: z.array(Template) }), ...errorResponses } } },
    async () => ({
      items: templates,
    }),
  );

  app.post(
    '/v1/templates/:id/services',
    {
      config: { idempotency: true },
      schema: { tags, params: IdParams, body: CreateFromTemplate, response: accepted },
    },
    async (request, reply) => {
      const operation = await withTransaction(pool, (tx) =>
        requestCreateService(
          tx,
          principalOf(request),
          request.params.id,
          request.body,
          keyOf(request.headers),
        ),
      );
      return reply.code(202).send({ operationId: operation.id });
    },
  );

  app.post(
    '/v1/services/:id/deployments',
    {
      config: { idempotency: true },
      schema: { tags, params: IdParams, body: DeployRequest, response: accepted },
    },
    async (request, reply) => {
      const operation = await withTransaction(pool, (tx) =>
        requestDeploy(tx, principalOf(request), request.params.id, request.body, keyOf(request.headers)),
      );
      return reply.code(202).send({ operationId: operation.id });
    },
  );

  app.post(
    '/v1/services/:id/rollbacks',
    {
      config: { idempotency: true },
      schema: { tags, params: IdParams, body: RollbackRequest, response: accepted },
    },
    async (request, reply) => {
      const operation = await withTransaction(pool, (tx) =>
        requestRollback(tx, principalOf(request), request.params.id, request.body, keyOf(request.headers)),
      );
      return reply.code(202).send({ operationId: operation.id });
    },
  );

  app.post(
    '/v1/services/:id/canary/:environment/:decision',
    {
      schema: {
        tags,
        description:
          'Promote or abort the canary running in an environment. The running deploy acts on it at its next analysis tick (about a second); neither can be undone.',
        params: IdParams.extend({ environment: EnvironmentName, decision: CanaryDecision }),
        response: { 202: CanaryDecisionAccepted, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, environment, decision } = request.params;
      const accepted = await withTransaction(pool, (tx) =>
        requestCanaryDecision(tx, principalOf(request), id, environment, decision),
      );
      return reply.code(202).send(accepted);
    },
  );

  app.get(
    '/v1/services/:id/versions',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ items: z.array(ServiceVersion) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listVersions(pool, request.params.id) }),
  );

  app.get(
    '/v1/services/:id/deployments',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({
          environment: EnvironmentName.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(Deployment) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await listDeployments(pool, { serviceId: request.params.id, ...request.query }),
    }),
  );

  app.get(
    '/v1/deployments/:id',
    { schema: { tags, params: IdParams, response: { 200: Deployment, ...errorResponses } } },
    async (request) => getDeployment(pool, request.params.id),
  );

  app.get(
    '/v1/services/:id/environments/:environment/logs',
    {
      config: { queryToken: true },
      schema: {
        tags,
        description: 'Captured stdout/stderr as SSE `event: log` (LogLine); `follow=1` keeps streaming live.',
        params: IdParams.extend({ environment: EnvironmentName }),
        querystring: LogsQuery.extend({ access_token: z.string().optional() }),
        response: { 200: z.string().describe('text/event-stream'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, environment } = request.params;
      await assertCanActOnService(pool, principalOf(request), id);
      const follow = request.query.follow === '1';
      const stream = streams.open(reply, { heartbeat: follow });
      const send = (line: LogLine) => stream.send('log', line);
      // Subscribe before reading the tail: a line logged in between is sent twice rather than lost.
      const live: LogLine[] = [];
      let tailSent = false;
      const onLog = (line: LogLine) => {
        if (line.serviceId !== id || line.environment !== environment) return;
        if (tailSent) send(line);
        else live.push(line);
      };
      if (follow) runtime.on('log', onLog);
      stream.onEnd(() => runtime.off('log', onLog));
      for (const line of await runtime.tail(id, environment, request.query.tail)) send(line);
      tailSent = true;
      for (const line of live) send(line);
      if (!follow) stream.end();
    },
  );

  app.get(
    '/v1/services/:id/alert-rules',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ items: z.array(AlertRule) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listAlertRules(pool, request.params.id) }),
  );

  app.post(
    '/v1/services/:id/alert-rules',
    {
      schema: {
        tags,
        params: IdParams,
        body: AlertRuleCreate,
        response: { 201: AlertRule, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const rule = await withTransaction(pool, async (tx) => {
        await assertCanActOnService(tx, principal, request.params.id);
        return upsertAlertRule(tx, principal.userId, request.params.id, request.body);
      });
      return reply.code(201).send(rule);
    },
  );

  app.patch(
    '/v1/alert-rules/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: AlertRulePatch,
        response: { 200: AlertRule, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return withTransaction(pool, async (tx) => {
        const rule = await getAlertRule(tx, request.params.id);
        await assertCanActOnService(tx, principal, rule.serviceId);
        return patchAlertRule(tx, principal.userId, rule.id, request.body);
      });
    },
  );

  app.delete(
    '/v1/alert-rules/:id',
    { schema: { tags, params: IdParams, response: { 204: NoContent, ...errorResponses } } },
    async (request, reply) => {
      const principal = principalOf(request);
      await withTransaction(pool, async (tx) => {
        const rule = await getAlertRule(tx, request.params.id);
        await assertCanActOnService(tx, principal, rule.serviceId);
        await deleteAlertRule(tx, principal.userId, rule.id);
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/incidents',
    {
      schema: {
        tags,
        querystring: z.object({
          serviceId: z.string().max(100).optional(),
          status: IncidentStatus.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(Incident) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listIncidents(pool, request.query) }),
  );

  app.get('/v1/cost', { schema: { tags, response: { 200: CostReport, ...errorResponses } } }, async () =>
    costReport(pool),
  );
};
