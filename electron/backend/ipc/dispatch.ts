import type { z } from 'zod';
import {
  ipcCommands,
  isIpcCommand,
  type IpcCommand,
  type IpcOutput,
  type IpcParsedInput,
} from '../../../shared/contract';
import { fieldProblems, installPlainErrors } from '../../../shared/api/plain-errors';
import { IpcErrorCode, type IpcResult } from '../../../shared/ipc/result';
import { isPlatformError } from '../platform/platform-error';
import { IpcError } from './ipc-error';

export type IpcHandlers = {
  [C in IpcCommand]: (input: IpcParsedInput<C>) => Promise<IpcOutput<C>> | IpcOutput<C>;
};

export type Dispatch = (command: string, input: unknown) => Promise<IpcResult<unknown>>;

/**
 * "Title is required; Tag 3 must be at most 50 characters" — plain words, at most five, short
 * enough for a toast; the command name and schema paths stay out of what people read.
 */
export function describeIssues(error: z.ZodError): string {
  return fieldProblems(error)
    .slice(0, 5)
    .map((problem) => problem.message)
    .join('; ');
}

/**
 * The one entry point both hosts (Electron IPC and browser mode) call with untrusted input.
 * Never throws: unknown commands, bad input, expected failures and bugs all come back as
 * IpcResult errors with codes; a bug's stack goes to the log, never to the renderer.
 */
export function createDispatch(handlers: IpcHandlers, log: (line: string) => void): Dispatch {
  installPlainErrors();
  return async (command, input) => {
    if (typeof command !== 'string' || !isIpcCommand(command)) {
      return {
        ok: false,
        error: {
          code: IpcErrorCode.unknownCommand,
          message: `unknown command: ${String(command).slice(0, 100)}`,
        },
      };
    }
    const parsed = ipcCommands[command].input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: IpcErrorCode.invalidInput,
          message: describeIssues(parsed.error),
          fields: fieldProblems(parsed.error),
        },
      };
    }
    try {
      const handler = handlers[command] as (input: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof IpcError && err.fields) {
        return { ok: false, error: { code: err.code, message: err.message, fields: [...err.fields] } };
      }
      if (err instanceof IpcError || isPlatformError(err)) {
        return { ok: false, error: { code: err.code, message: err.message } };
      }
      log(`ipc ${command} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return {
        ok: false,
        error: {
          code: IpcErrorCode.internal,
          message: `${command} failed: ${err instanceof Error ? err.message : String(err)}`,
        },
      };
    }
  };
}
