import type { IpcErrorShape } from './contract';

/** Errors cross IPC as values so their code survives serialization (Podman's pattern). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorShape };

/** Codes the renderer branches on. Handlers may use others; they are shown as they are. */
export const IpcErrorCode = {
  invalidInput: 'invalid_input',
  unknownCommand: 'unknown_command',
  forbiddenSender: 'forbidden_sender',
  platformUnreachable: 'platform_unreachable',
  platformRejected: 'platform_rejected',
  invalidResponse: 'invalid_response',
  internal: 'internal',
} as const;
