import type { z } from 'zod';
import {
  ipcCommands,
  isIpcCommand,
  type IpcCommand,
  type IpcOutput,
  type IpcParsedInput,
} from '../../../shared/contract';
import { IpcErrorCode, type IpcResult } from '../../../shared/ipc/result';
import { isPlatformError } from '../platform/platform-error';
import { IpcError } from './ipc-error';

export type IpcHandlers = {
  [C in IpcCommand]: (input: IpcParsedInput<C>) => Promise<IpcOutput<C>> | IpcOutput<C>;
};

export type Dispatch = (command: string, input: unknown) => Promise<IpcResult<unknown>>;

/** "teamIds.0: expected string; sort.column: invalid option" — short enough for a toast. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * The one entry point both hosts (Electron IPC and browser mode) call with untrusted input.
 * Never throws: unknown commands, bad input, expected failures and bugs all come back as
 * IpcResult errors with codes; a bug's stack goes to the log, never to the renderer.
 */
export function createDispatch(handlers: IpcHandlers, log: (line: string) => void): Dispatch {
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
        error: { code: IpcErrorCode.invalidInput, message: `${command}: ${describeIssues(parsed.error)}` },
      };
    }
    try {
      const handler = handlers[command] as (input: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
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
