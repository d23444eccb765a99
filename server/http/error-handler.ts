import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiErrorCode, type ApiErrorBody } from '../../shared/api/errors';
import { ApiError } from './api-error';

const body = (code: string, message: string): ApiErrorBody => ({ error: { code, message } });

interface PgErrorFields {
  code: string;
  constraint?: string;
  detail?: string;
}

function isPgError(error: unknown): error is PgErrorFields {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(error.code) &&
    'severity' in error
  );
}

/** Maps PostgreSQL constraint errors to 4xx: they mean the caller asked for something impossible. */
function fromPgError(error: PgErrorFields): ApiError | null {
  switch (error.code) {
    case '23505':
      return new ApiError(409, ApiErrorCode.conflict, `already exists (${error.detail ?? error.constraint})`);
    case '23503':
      return new ApiError(
        409,
        ApiErrorCode.conflict,
        `still referenced or references something missing (${error.detail ?? error.constraint})`,
      );
    case '23514':
    case '22P02':
    case '22001':
      return new ApiError(400, ApiErrorCode.validation, `invalid value (${error.constraint ?? error.code})`);
    default:
      return null;
  }
}

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

/** Every error leaves as `{error:{code,message}}`; bad input is always a 4xx, never a 500. */
export function installErrorHandlers(app: FastifyInstance): void {
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
    if (isPgError(error)) {
      const mapped = fromPgError(error);
      if (mapped) return reply.code(mapped.status).send(body(mapped.code, mapped.message));
    }
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
