import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Mutation, PushResponse } from '../../shared/api/push';
import { defineMutation } from '../../server/sync/mutation-registry';
import { startPushPlatform } from '../server/sync/push-platform';

// Issue 13, finding 1: a value the database refuses must reject that one mutation, not stop the queue.
// These mutations reach PostgreSQL with input it refuses, past every schema (a last line of defence).
const badCast = defineMutation({
  name: 'test.bad-cast',
  args: z.object({ value: z.string() }),
  handle: async (ctx, { value }) => {
    await ctx.tx.query('SELECT $1::int', [value]);
  },
});
const outOfRange = defineMutation({
  name: 'test.out-of-range',
  args: z.object({}),
  handle: async (ctx) => {
    await ctx.tx.query('SELECT 2147483647::int + 1');
  },
});

let p: Awaited<ReturnType<typeof startPushPlatform>>;
let team: string;
let owner: { id: string; token: string };

beforeAll(async () => {
  p = await startPushPlatform({ mutations: [badCast, outOfRange] });
  team = await p.team('trust-team');
  owner = await p.user('engineer', [team]);
});
afterAll(async () => p.close());

const mutation = (id: number, name: string, args: unknown): Mutation => ({
  id,
  name,
  args,
  idempotencyKey: randomUUID(),
  createdAt: new Date().toISOString(),
});
const push = (clientId: string, mutations: Mutation[]) =>
  p.call(owner.token, 'POST', '/v1/sync/push', { clientId, mutations });
const title = async (id: string) =>
  ((await p.admin('GET', `/v1/services/${id}`)).body as { title: string }).title;

describe('a poisoned change never blocks the queue', () => {
  it.each([
    ['NUL', 'bad\u0000title', 'cannot be stored (NUL)'],
    ['a lone surrogate', 'bad\ud800title', 'broken character (lone surrogate)'],
    ['a lone low surrogate', '\udc00', 'broken character (lone surrogate)'],
  ])('rejects a push with %s in its text and applies the changes behind it', async (_, bad, words) => {
    const service = await p.service(`poison-${randomUUID().slice(0, 8)}`, team);
    const client = randomUUID();
    const res = await push(client, [
      mutation(1, 'service.update', { id: service, patch: { title: bad } }),
      mutation(2, 'service.update', { id: service, patch: { title: 'After the bad one' } }),
    ]);
    expect(res.status).toBe(200);
    const body = res.body as PushResponse;
    expect(body.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    const rejected = body.results[0];
    expect(rejected?.status === 'rejected' && rejected.reason.code).toBe('validation_failed');
    expect(rejected?.status === 'rejected' && rejected.reason.message).toContain(words);
    expect(await title(service)).toBe('After the bad one');
    // Recorded: the same push resent is answered from storage, identically.
    const again = await push(client, [mutation(1, 'service.update', {})]);
    expect((again.body as PushResponse).results[0]).toEqual(rejected);
  });

  it.each([
    ['test.bad-cast', { value: 'not a number' }, '22P02'],
    ['test.out-of-range', {}, '22003'],
  ])('turns a database data error (%s) into a rejection, not a 503', async (name, args, sqlstate) => {
    const service = await p.service(`data-${randomUUID().slice(0, 8)}`, team);
    const res = await push(randomUUID(), [
      mutation(1, name, args),
      mutation(2, 'service.update', { id: service, patch: { title: 'Still applied' } }),
    ]);
    expect(res.status).toBe(200);
    const [first, second] = (res.body as PushResponse).results;
    expect(first).toMatchObject({ status: 'rejected', reason: { code: 'invalid_data' } });
    expect(first?.status === 'rejected' && first.reason.message).toContain(sqlstate);
    expect(second?.status).toBe('applied');
    expect(await title(service)).toBe('Still applied');
  });
});

describe('REST refuses text that cannot be stored with 400', () => {
  it('in a path parameter', async () => {
    for (const url of ['/v1/services/%00', '/v1/teams/%00', '/v1/users/a%00b']) {
      const res = await p.admin('GET', url);
      expect(res.status, url).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });

  it('in a body, for writes across the directory and the catalog', async () => {
    const service = await p.service(`rest-${randomUUID().slice(0, 8)}`, team);
    const cases: [method: 'POST' | 'PATCH', url: string, body: unknown][] = [
      ['POST', '/v1/teams', { slug: 'nul-team', name: 'Nul\u0000Team' }],
      ['PATCH', `/v1/teams/${team}`, { name: '\ud83d' }],
      ['POST', '/v1/users', { name: 'A\u0000', email: 'a@example.test', role: 'engineer', teamIds: [] }],
      ['PATCH', `/v1/services/${service}`, { title: 'x\u0000' }],
      ['POST', '/v1/services', { name: 'nul-svc', title: '\udfff', ownerTeamId: team }],
    ];
    for (const [method, url, payload] of cases) {
      const res = await p.admin(method, url, payload);
      expect(res.status, `${method} ${url}`).toBe(400);
      expect((res.body as { error: { message: string } }).error.message).toMatch(/cannot be stored|broken/);
    }
  });

  it('in a query string', async () => {
    const res = await p.admin('GET', '/v1/services?q=%00');
    expect(res.status).toBe(400);
  });
});
