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
