import type { IpcErrorShape } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { explainError } from './error-table';

/** An IpcResult error carried through react-query, which wants thrown errors. */
export class IpcError extends Error {
  readonly code: string;
  /** Validation problems by field (react-hook-form paths), when the input was refused. */
  readonly fields: NonNullable<IpcErrorShape['fields']>;
  constructor(error: IpcErrorShape) {
    super(error.message);
    this.name = 'IpcError';
    this.code = error.code;
    this.fields = error.fields ?? [];
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new IpcError(result.error);
  return result.value;
}

/** What the user can do about an error, by code (renderer/data/error-table.ts). */
export function nextStepFor(code: string): string {
  return explainError(code).next;
}

export function errorMessage(error: unknown): { message: string; code: string } {
  if (error instanceof IpcError) return { message: error.message, code: error.code };
  if (error instanceof Error) return { message: error.message, code: 'internal' };
  return { message: 'Something went wrong.', code: 'internal' };
}
