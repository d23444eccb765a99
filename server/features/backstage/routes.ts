import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import {
  ExportQuery,
  ImportAccepted,
  ImportReport,
  ImportRequest,
  type ImportSource,
} from '../../../shared/features/backstage/api';
import { principalOf, requireRole } from '../../auth/authenticate';
import { withTransaction } from '../../db/transaction';
import { notFound } from '../../http/api-error';
import { IDEMPOTENCY_HEADER } from '../../idempotency/idempotency-route';
import { errorResponses } from '../../http/schemas';
import { createOperation } from '../operations/public';
import { readCatalogState } from './catalog-state';
import { redactUrl, sourceFiles } from './clone-source';
import { exportEntities, toYaml, type ExportScope } from './export-catalog';
import { planImport } from './import-plan';
import { parseCatalogFiles } from './parse-documents';

const BODY_LIMIT = 64 * 1024 * 1024;
const keyOf = (headers: Record<string, unknown>): string | null => {
  const key = headers[IDEMPOTENCY_HEADER];
  return typeof key === 'string' ? key : null;
};

/** What the synced operation shows of its source: names, never the files' text. */
const sourceSummary = (source: ImportSource) =>
  source.type === 'files'
    ? { type: 'files', files: source.files.map((file) => file.path).slice(0, 50), count: source.files.length }
    : { type: 'repository', url: redactUrl(source.url) };

/**
 * Backstage catalog import and export over REST (issue 14, points 1 and 2). Importing changes
 * everyone's catalog, so the dry run and the import are for leads and admins (checked here);
 * the export is a read, open to everyone signed in.
 */
export const backstageRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  const tags = ['backstage'];

  app.post(
    '/v1/catalog/imports/dry-run',
    {
      preHandler: requireRole('lead', 'admin'),
      bodyLimit: BODY_LIMIT,
      schema: { tags, body: ImportRequest, response: { 200: ImportReport, ...errorResponses } },
    },
    async (request) => {
      const documents = parseCatalogFiles(await sourceFiles(request.body.source));
      return planImport(documents, await readCatalogState(pool)).report;
    },
  );

  app.post(
    '/v1/catalog/imports',
    {
      preHandler: requireRole('lead', 'admin'),
      bodyLimit: BODY_LIMIT,
      config: { idempotency: true },
      schema: { tags, body: ImportRequest, response: { 202: ImportAccepted, ...errorResponses } },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const operationId = await withTransaction(pool, async (tx) => {
        const { operation, created } = await createOperation(tx, principal, {
          kind: 'catalog.import',
          serviceId: null,
          environment: null,
          input: sourceSummary(request.body.source),
          idempotencyKey: keyOf(request.headers),
        });
        if (created) {
          await tx.query('INSERT INTO backstage_import_requests (operation_id, request) VALUES ($1, $2)', [
            operation.id,
            JSON.stringify(request.body),
          ]);
        }
        return operation.id;
      });
      return reply.code(202).send({ operationId });
    },
  );

  app.get(
    '/v1/catalog/export',
    {
      schema: {
        tags,
        querystring: ExportQuery,
        description: 'application/yaml, one entity per document; { yaml } for Accept: application/json',
      },
    },
    async (request, reply) => {
      const state = await readCatalogState(pool);
      const scope = parseScope(request.query.scope);
      if (scope.kind === 'team' && !state.teams.some((team) => team.id === scope.teamId)) {
        throw notFound(`team ${scope.teamId}`);
      }
      if (scope.kind === 'service' && !state.services.some((service) => service.id === scope.serviceId)) {
        throw notFound(`service ${scope.serviceId}`);
      }
      const yaml = toYaml(exportEntities(state, scope));
      // The desktop's client reads JSON only; everyone else (curl, a browser, Backstage) gets the file.
      const accept = request.headers.accept ?? '';
      if (accept.includes('application/json') && !accept.includes('yaml')) return { yaml };
      return reply.type('application/yaml; charset=utf-8').send(yaml);
    },
  );
};

function parseScope(scope: string): ExportScope {
  if (scope.startsWith('team:')) return { kind: 'team', teamId: scope.slice('team:'.length) };
  if (scope.startsWith('service:')) return { kind: 'service', serviceId: scope.slice('service:'.length) };
  return { kind: 'all' };
}
