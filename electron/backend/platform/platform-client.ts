import type { z } from 'zod';
import { Health, Me } from '../../../shared/api/directory';
import { ApiErrorBody, ApiErrorCode } from '../../../shared/api/errors';
import type { ChangesPage } from '../../../shared/contract';
import { ChangesPageByEntity } from './changes-page-decoder';
import { ChangesPoke } from '../../../shared/api/sync';
import { PushResponse, type PushRequest } from '../../../shared/api/push';
import { PlatformError } from './platform-error';
import type { EventSourceMessage } from 'eventsource-parser';
import { readServerSentEvents } from './server-sent-events';
import {
  MAX_CHANGES_PAGE_BYTES,
  MAX_ERROR_BODY_BYTES,
  MAX_RESPONSE_BYTES,
  readBodyText,
} from './bounded-body';

export interface PlatformClientOptions {
  url: string;
  token: string;
  /** Per request; SSE streams only time out while connecting. */
  timeoutMs?: number;
  /** An event stream silent this long is treated as dead (the server heartbeats every 15 s). */
  streamIdleMs?: number;
  /** Caps on a response body (see bounded-body.ts); tests lower them. */
  maxChangesPageBytes?: number;
  maxResponseBytes?: number;
  /** Cap on one server-sent event, in characters. */
  maxEventChars?: number;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface WriteOptions extends RequestOptions {
  /** Sends a string body as-is with this type (a CSV file, say) instead of as JSON. */
  contentType?: string;
}

export interface PlatformClient {
  readonly url: string;
  me(opts?: RequestOptions): Promise<z.infer<typeof Me>>;
  health(opts?: RequestOptions): Promise<z.infer<typeof Health>>;
  changes(cursor: string | null, limit: number, opts?: RequestOptions): Promise<ChangesPage>;
  /** `POST /v1/sync/push`: the outbox's mutations, answered per mutation (see shared/api/push). */
  push(request: PushRequest, opts?: RequestOptions): Promise<PushResponse>;
  /** GET a JSON endpoint parsed with `schema` (feature reads the change log does not carry, e.g. survey results). */
  get<S extends z.ZodType>(path: string, schema: S, opts?: RequestOptions): Promise<z.infer<S>>;
  /**
   * Listens to `GET /v1/events` and calls `onPoke` for each `changes` event. Resolves when the
   * stream ends or `signal` aborts; rejects with a PlatformError if it cannot connect. The sync
   * engine reconnects.
   */
  subscribe(
    onPoke: (poke: z.infer<typeof ChangesPoke>) => void,
    opts?: RequestOptions & { onOpen?: () => void },
  ): Promise<void>;
  /**
   * An online-only write outside the push protocol (e.g. a secret value, which must never sit in
   * the outbox). Resolves with the JSON body of a 2xx answer (undefined for 204); parse it with zod.
   */
  write(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    opts?: WriteOptions,
  ): Promise<unknown>;
  /** Reads any SSE endpoint (e.g. a service's live logs) until it ends or `signal` aborts. */
  stream(path: string, onEvent: (event: EventSourceMessage) => void, opts?: RequestOptions): Promise<void>;
}

const describe = (err: unknown): string => {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return `${err.message}${cause}`;
  }
  return String(err);
};

/** A platform's URL as clients name it: without trailing slashes. */
export const platformBaseUrl = (url: string): string => url.replace(/\/+$/, '');

export function createPlatformClient(opts: PlatformClientOptions): PlatformClient {
  const base = platformBaseUrl(opts.url);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const doFetch = opts.fetch ?? fetch;
  const maxResponseBytes = opts.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const maxChangesPageBytes = opts.maxChangesPageBytes ?? MAX_CHANGES_PAGE_BYTES;

  async function send(
    path: string,
    signal: AbortSignal | undefined,
    accept = 'application/json',
    body?: unknown,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' = body !== undefined ? 'POST' : 'GET',
    contentType = 'application/json',
  ): Promise<Response> {
    const raw = contentType !== 'application/json' && typeof body === 'string';
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        headers: {
          authorization: `Bearer ${opts.token}`,
          accept,
          ...(body !== undefined ? { 'content-type': contentType } : {}),
        },
        signal: AbortSignal.any(signals),
        method,
        ...(body !== undefined ? { body: raw ? body : JSON.stringify(body) } : {}),
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      throw new PlatformError(
        'platform_unreachable',
        timedOut
          ? `${base} did not answer within ${timeoutMs / 1000} s`
          : `cannot reach ${base} (${describe(err)})`,
      );
    }
    if (res.ok) return res;
    throw await errorFrom(res);
  }

  async function errorFrom(res: Response): Promise<PlatformError> {
    const text = await readBodyText(res, MAX_ERROR_BODY_BYTES, 'an error', { truncate: true }).catch(
      () => '',
    );
    let body: ApiErrorBody | null = null;
    try {
      const parsed = ApiErrorBody.safeParse(JSON.parse(text));
      if (parsed.success) body = parsed.data;
    } catch {
      // Not JSON (a proxy's HTML error page, say): fall back to the status line.
    }
    const message = body?.error.message ?? (`${res.status} ${res.statusText}`.trim() || 'request failed');
    if (res.status >= 500)
      return new PlatformError('platform_unreachable', `platform error: ${message}`, res.status);
    if (res.status === 401)
      return new PlatformError('unauthorized', `the token was not accepted: ${message}`, 401);
    if (res.status === 409 && body?.error.code === ApiErrorCode.resyncRequired) {
      return new PlatformError('resync_required', message, 409);
    }
    return new PlatformError('platform_rejected', message, res.status);
  }

  async function json<S extends z.ZodType>(
    path: string,
    schema: S,
    signal?: AbortSignal,
    payload?: unknown,
    limit = maxResponseBytes,
  ): Promise<z.infer<S>> {
    const res = await send(path, signal, 'application/json', payload);
    let body: unknown;
    try {
      body = JSON.parse(await readBodyText(res, limit, path.split('?')[0] ?? path));
    } catch (err) {
      if (signal?.aborted || err instanceof PlatformError) throw err;
      if (!(err instanceof SyntaxError)) {
        throw new PlatformError(
          'platform_unreachable',
          `${path}: the response broke off (${describe(err)})`,
          res.status,
        );
      }
      throw new PlatformError('invalid_response', `${path}: the response is not JSON`, res.status);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length ? issue.path.join('.') : '(root)';
      throw new PlatformError(
        'invalid_response',
        `${path}: unexpected response at ${where}: ${issue?.message ?? 'schema mismatch'}`,
        res.status,
      );
    }
    return parsed.data;
  }

  return {
    url: base,
    me: (o) => json('/v1/me', Me, o?.signal),
    health: (o) => json('/v1/health', Health, o?.signal),
    changes(cursor, limit, o) {
      const params = new URLSearchParams({ limit: String(limit) });
      if (cursor !== null) params.set('cursor', cursor);
      return json(
        `/v1/sync/changes?${params.toString()}`,
        ChangesPageByEntity,
        o?.signal,
        undefined,
        maxChangesPageBytes,
      );
    },
    push: (request, o) => json('/v1/sync/push', PushResponse, o?.signal, request),
    get: (path, schema, o) => json(path, schema, o?.signal),
    async write(method, path, body, o) {
      const res = await send(path, o?.signal, 'application/json', body, method, o?.contentType);
      if (res.status === 204 || !res.headers.get('content-type')?.includes('json')) {
        await res.body?.cancel();
        return undefined;
      }
      const text = await readBodyText(res, maxResponseBytes, path);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new PlatformError('invalid_response', `${path}: the response is not JSON`, res.status);
      }
    },
    async stream(path, onEvent, o) {
      // Like subscribe: only the connect is bounded by the timeout.
      const connect = new AbortController();
      const timer = setTimeout(() => connect.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
      const signal = o?.signal ? AbortSignal.any([o.signal, connect.signal]) : connect.signal;
      let res: Response;
      try {
        res = await doFetch(`${base}${path}`, {
          headers: { authorization: `Bearer ${opts.token}`, accept: 'text/event-stream' },
          signal,
        });
      } catch (err) {
        if (o?.signal?.aborted) return;
        throw new PlatformError('platform_unreachable', `cannot open ${path} of ${base} (${describe(err)})`);
      } finally {
        clearTimeout(timer);
      }
      if (!res.ok) throw await errorFrom(res);
      if (!res.body) throw new PlatformError('invalid_response', `${path}: no response body`, res.status);
      try {
        await readServerSentEvents(res.body, onEvent, opts.streamIdleMs, opts.maxEventChars);
      } catch (err) {
        if (o?.signal?.aborted) return;
        throw new PlatformError('platform_unreachable', `stream ${path} of ${base} broke (${describe(err)})`);
      }
    },
    async subscribe(onPoke, o) {
      // Only the connect is bounded by the timeout; the stream itself stays open.
      const connect = new AbortController();
      const timer = setTimeout(() => connect.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
      const signal = o?.signal ? AbortSignal.any([o.signal, connect.signal]) : connect.signal;
      let res: Response;
      try {
        res = await doFetch(`${base}/v1/events`, {
          headers: { authorization: `Bearer ${opts.token}`, accept: 'text/event-stream' },
          signal,
        });
      } catch (err) {
        if (o?.signal?.aborted) return;
        throw new PlatformError(
          'platform_unreachable',
          `cannot open the event stream of ${base} (${describe(err)})`,
        );
      } finally {
        clearTimeout(timer);
      }
      if (!res.ok) throw await errorFrom(res);
      if (!res.body) throw new PlatformError('invalid_response', '/v1/events: no response body', res.status);
      o?.onOpen?.();
      try {
        await readServerSentEvents(res.body, onEvent, opts.streamIdleMs, opts.maxEventChars);
      } catch (err) {
        if (o?.signal?.aborted) return;
        throw new PlatformError('platform_unreachable', `event stream of ${base} broke (${describe(err)})`);
      }

      function onEvent(event: EventSourceMessage): void {
        if (event.event !== 'changes') return;
        try {
          const poke = ChangesPoke.safeParse(JSON.parse(event.data));
          if (poke.success) onPoke(poke.data);
        } catch {
          // A malformed poke is only a hint; the periodic pull still catches up.
        }
      }
    },
  };
}
