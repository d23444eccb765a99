import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiErrorCode, type ApiErrorBody } from '../../shared/api/errors';
import { findBrokenText } from '../../shared/api/text';
import { ApiError, fromDatabaseError, invalid } from './api-error';

const body = (code: string, message: string): ApiErrorBody => ({ error: { code, message } });

interface Issue {
  instancePath?: string;
  message?: string;
}

function describeIssues(context: string | undefined, issues: Issue[]): string {
  return issues
    .map((issue) => {
      const where = [context, issue.instancePath?.replace(/^\//, '').replaceAll('/', '.')]
        .filter(Boolean)
        .join('.');
      return where ? `${where}: ${issue.message ?? 'invalid'}` : (issue.message ?? 'invalid');
    })
    .join('; ');
}

/** Route config: the route checks its body's text itself (push: per mutation, see server/sync/push.ts). */
declare module 'fastify' {
  interface FastifyContextConfig {
    checksOwnText?: boolean;
  }
}

/**
 * Refuses a request whose path, query or body holds text that cannot be stored (NUL, a lone
 * surrogate), whatever its route's schema says: a clear 400 instead of the database's 500
 * (docs/architecture.md, "Sync and push"). The push route judges each mutation on its own so one
 * bad change is rejected without refusing the others in its batch.
 */
function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts: [string, unknown][] = [
      ['path', request.params],
      ['query', request.query],
      ...(request.routeOptions.config.checksOwnText ? [] : [['body', request.body] as [string, unknown]]),
    ];
    for (const [where, value] of parts) {
      const broken = findBrokenText(value, where);
      if (broken) throw invalid(`${broken.path}: ${broken.problem}`);
    }
  });
}

/**
 * Fastify's `frameworkErrors` option: errors raised before routing (a URL that is not valid
 * percent-encoding, a path parameter past its maximum length) leave in the same
 * `{error:{code,message}}` shape as every other error, found by the REST fuzz suite.
 */
export function frameworkErrors(error: FastifyError, _request: unknown, reply: unknown): void {
  const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 400;
  // Typed loosely: Fastify's option is generic over every route's reply type.
  void (reply as FastifyReply).code(status).send(body(ApiErrorCode.validation, error.message));
}

/** Every error leaves as `{error:{code,message}}`; bad input is always a 4xx, never a 500. */
export function installErrorHandlers(app: FastifyInstance): void {
  installTextGuard(app);
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send(body(ApiErrorCode.notFound, `no route ${request.method} ${request.url.split('?')[0]}`));
  });

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof ApiError) {
      return reply.code(error.status).send(body(error.code, error.message));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply
        .code(400)
        .send(body(ApiErrorCode.validation, describeIssues(error.validationContext, error.validation)));
    }
    const mapped = fromDatabaseError(error);
    if (mapped) return reply.code(mapped.status).send(body(mapped.code, mapped.message));
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx: malformed JSON, body too large, unsupported content type, ...
      const code =
        status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
      return reply.code(status).send(body(code, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(body('internal', 'internal server error; see the server log'));
  });
}
