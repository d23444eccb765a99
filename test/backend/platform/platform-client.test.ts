import { describe, expect, it } from 'vitest';
import { createPlatformClient } from '../../../electron/backend/platform/platform-client';
import { PlatformError } from '../../../electron/backend/platform/platform-error';

/** `fetch` is replaced to isolate the client from the network; the real server is covered in platform-sync.test.ts. */
const respond =
  (status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  async (): Promise<Response> =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

const client = (fetchImpl: typeof fetch, timeoutMs = 5000) =>
  createPlatformClient({ url: 'http://platform.test/', token: 'tok', fetch: fetchImpl, timeoutMs });

async function failure(p: Promise<unknown>): Promise<PlatformError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlatformError);
  return err as PlatformError;
}

describe('platform client', () => {
  it('sends the bearer token and validates the response', async () => {
    let seen: Request | null = null;
    const c = client(async (input, init) => {
      seen = new Request(input, init);
      return respond(200, { changes: [], cursor: 'c1', hasMore: false })();
    });
    await expect(c.changes(null, 1000)).resolves.toEqual({ changes: [], cursor: 'c1', hasMore: false });
    expect(seen!.url).toBe('http://platform.test/v1/sync/changes?limit=1000');
    expect(seen!.headers.get('authorization')).toBe('Bearer tok');
    await c.changes('a b', 5);
    expect(seen!.url).toBe('http://platform.test/v1/sync/changes?limit=5&cursor=a+b');
  });

  it.each([
    [401, { error: { code: 'unauthorized', message: 'bad token' } }, 'unauthorized'],
    [409, { error: { code: 'resync_required', message: 'epoch changed' } }, 'resync_required'],
    [409, { error: { code: 'conflict', message: 'other' } }, 'platform_rejected'],
    [400, { error: { code: 'validation_failed', message: 'limit too big' } }, 'platform_rejected'],
    [503, 'Service Unavailable', 'platform_unreachable'],
    [500, { error: { code: 'internal', message: 'boom' } }, 'platform_unreachable'],
  ] as const)('maps HTTP %i to %s', async (status, body, code) => {
    const err = await failure(client(respond(status, body)).changes(null, 10));
    expect(err.code).toBe(code);
    if (typeof body === 'object') expect(err.message).toContain(body.error.message);
  });

  it('maps network errors and timeouts to platform_unreachable', async () => {
    const refused = await failure(
      client(async () => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
      }).health(),
    );
    expect(refused.code).toBe('platform_unreachable');
    expect(refused.message).toContain('ECONNREFUSED');

    const hanging = client(
      (_input, init) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
      30,
    );
    const timedOut = await failure(hanging.health());
    expect(timedOut.code).toBe('platform_unreachable');
    expect(timedOut.message).toMatch(/did not answer/);
  });

  it('reports schema mismatches with the issue path', async () => {
    const err = await failure(
      client(
        respond(200, {
          changes: [{ seq: 1, entity: 'service', id: 's', op: 'put', data: {} }],
          cursor: 'c',
          hasMore: false,
        }),
      ).changes(null, 1),
    );
    expect(err.code).toBe('invalid_response');
    expect(err.message).toMatch(/changes\.0/);
    const notJson = await failure(client(respond(200, '<html>')).me());
    expect(notJson.code).toBe('invalid_response');
  });

  it('streams pokes from server-sent events', async () => {
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(': hello\n\nevent: changes\ndata: {"seq":4'));
        controller.enqueue(
          encoder.encode('2}\n\nevent: other\ndata: {}\n\nevent: changes\ndata: not json\n\n'),
        );
        controller.enqueue(encoder.encode('event: changes\ndata: {"seq":43}\n\n'));
        controller.close();
      },
    });
    const pokes: number[] = [];
    let opened = false;
    await client(
      async () => new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    ).subscribe((p) => pokes.push(p.seq), { onOpen: () => (opened = true) });
    expect(opened).toBe(true);
    expect(pokes).toEqual([42, 43]);
  });

  it('treats a silent event stream as dead so the engine reconnects', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(': hello\n\n'));
        // …and then nothing, not even a heartbeat.
      },
    });
    const c = createPlatformClient({
      url: 'http://platform.test',
      token: 'tok',
      streamIdleMs: 100,
      fetch: async () =>
        new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    });
    const err = await failure(c.subscribe(() => {}));
    expect(err.code).toBe('platform_unreachable');
    expect(err.message).toContain('no data for 0.1 s');
  });
});
