import { ApiErrorCode } from '../../shared/api/errors';

/** An error the caller caused (or may retry); the error handler sends it as `{error:{code,message}}`. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, ApiErrorCode.notFound, `${what} not found`);
export const conflict = (message: string) => new ApiError(409, ApiErrorCode.conflict, message);
export const invalid = (message: string) => new ApiError(400, ApiErrorCode.validation, message);
export const forbidden = (message: string) => new ApiError(403, ApiErrorCode.forbidden, message);
export const unauthorized = (message: string) => new ApiError(401, ApiErrorCode.unauthorized, message);

interface PgErrorFields {
  code: string;
  constraint?: string;
  detail?: string;
}

/** A PostgreSQL error (pg's DatabaseError): a five-character SQLSTATE and a severity. */
export function isDatabaseError(error: unknown): error is PgErrorFields {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(error.code) &&
    'severity' in error
  );
}

/** Plain words for the data exceptions (SQLSTATE class 22) a caller can cause. */
const dataExceptions: Record<string, string> = {
  '22021': 'contains a character that cannot be stored (NUL or a broken character)',
  '22P05': 'contains a character that cannot be stored (NUL or a broken character)',
  '22P02': 'a value is not in the expected format',
  '22001': 'a value is too long',
  '22003': 'a number is out of range',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22023': 'a value is not valid here',
};

/**
 * The database refused what the caller sent (docs/architecture.md, "Sync and push"): SQLSTATE
 * class 22 (data exception) and the constraint violations of class 23 are the caller's fault
 * and permanent — retrying the same input fails the same way — so they become 4xx over REST and
 * a rejection of that one mutation on push. Anything else (connection lost, serialization
 * failure, a bug) is null: transient or ours, never blamed on the caller.
 */
export function fromDatabaseError(error: unknown): ApiError | null {
  if (!isDatabaseError(error)) return null;
  const { code } = error;
  const where = error.constraint ?? error.detail;
  switch (code) {
    case '23505':
      return new ApiError(409, ApiErrorCode.conflict, `already exists (${where ?? code})`);
    case '23503':
      return new ApiError(
        409,
        ApiErrorCode.conflict,
        `still referenced or references something missing (${where ?? code})`,
      );
    case '23502':
    case '23514':
    case '23P01':
      return new ApiError(400, ApiErrorCode.validation, `invalid value (${where ?? code})`);
  }
  if (code.startsWith('22')) {
    const words = dataExceptions[code] ?? 'a value is not valid';
    return new ApiError(400, ApiErrorCode.invalidData, `cannot store the request: ${words} (${code})`);
  }
  return null;
}
