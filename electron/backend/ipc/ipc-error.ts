import type { FieldProblem } from '../../../shared/api/plain-errors';

/**
 * An expected failure a handler reports to the user: its code and message cross IPC as-is, and
 * refused input may name its fields (react-hook-form paths) so the form shows each by its field.
 */
export class IpcError extends Error {
  override readonly name = 'IpcError';
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: readonly FieldProblem[],
  ) {
    super(message);
  }
}
