import type { IpcErrorShape } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';

/** An IpcResult error carried through react-query, which wants thrown errors. */
export class IpcError extends Error {
  readonly code: string;
  constructor(error: IpcErrorShape) {
    super(error.message);
    this.name = 'IpcError';
    this.code = error.code;
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new IpcError(result.error);
  return result.value;
}

/** What the user can do about an error, by code; unknown codes get a general next step. */
export function nextStepFor(code: string): string {
  switch (code) {
    case 'platform_unreachable':
      return 'The platform cannot be reached. Pave keeps showing cached data; check your network or the platform URL in Settings.';
    case 'platform_rejected':
      return 'The platform refused the request. Check the token in Settings.';
    case 'backend_unreachable':
      return 'The Pave backend is not answering. Check that `npm start` is still running, then try again.';
    case 'invalid_input':
      return 'Pave sent something the backend did not accept. Try again; if it persists, report it.';
    case 'invalid_response':
      return 'The answer did not match what Pave expects. Try again; if it persists, update Pave or report it.';
    case 'unauthorized':
      return 'Open the URL printed by `npm start` again.';
    default:
      return 'Try again. If it keeps happening, restart Pave.';
  }
}

export function errorMessage(error: unknown): { message: string; code: string } {
  if (error instanceof IpcError) return { message: error.message, code: error.code };
  if (error instanceof Error) return { message: error.message, code: 'internal' };
  return { message: 'Something went wrong.', code: 'internal' };
}
