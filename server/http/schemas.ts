import { z } from 'zod';
import { ApiErrorBody } from '../../shared/api/errors';

/** Route-level schema pieces shared by several route files (entities come from shared/api). */
export const IdParams = z.object({ id: z.string().min(1).max(100) });

export const errorResponses = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  403: ApiErrorBody,
  404: ApiErrorBody,
  409: ApiErrorBody,
} as const;

export const NoContent = z.undefined().describe('No content');
