import type { FastifyInstance } from 'fastify';
import type { Backend } from '../backend/host/backend-types';
import { IpcErrorCode, type IpcResult } from '../../shared/ipc/result';

/**
 * `POST /ipc/:command` is browser mode's `ipcRenderer.invoke`: the JSON body is the command's input
 * and the answer is always the backend's IpcResult with status 200, so errors stay values with codes.
 */
export async function ipcRoute(app: FastifyInstance, options: { backend: Backend }): Promise<void> {
  const { backend } = options;
  // The body is parsed here, not by Fastify, so an empty body means {} and bad JSON becomes an
  // IpcResult instead of Fastify's own error shape. Registered as a plugin, so this parser swap
  // stays inside this route's scope.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post<{ Params: { command: string } }>('/ipc/:command', async (request, reply) => {
    const input = parseBody(request.body);
    if (!input.ok) return reply.code(400).send(input);
    const started = performance.now();
    const result = await backend.dispatch(request.params.command, input.value);
    // The backend's own time, apart from HTTP and the page's parsing: the typing benchmark's
    // per-keystroke breakdown reads it from the page's Resource Timing (test/bench/typing-breakdown.ts).
    reply.header('server-timing', `dispatch;dur=${(performance.now() - started).toFixed(2)}`);
    return reply.code(200).send(result);
  });
}

function parseBody(body: unknown): IpcResult<unknown> {
  const text = typeof body === 'string' ? body.trim() : '';
  if (text === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: IpcErrorCode.invalidInput, message: `The body is not JSON: ${reason}` },
    };
  }
}
