import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Mutation, PushResponse } from '../../../shared/api/push';
import { defineMutation } from '../../../server/sync/mutation-registry';
import { notFound } from '../../../server/http/api-error';
import { startPushPlatform } from './push-platform';

// A real database failure in the middle of a batch: the mutation's own connection is killed.
let crashNext = false;
const crash = defineMutation({
  name: 'test.crash',
  args: z.object({}),
  async handle(ctx) {
    if (crashNext) {
      // A checked-out pg client re-emits its connection loss as an 'error' event; withTransaction
      // does not listen (reported to the lead), so the test does, to keep the process alive.
      ctx.tx.once('error', () => undefined);
      await ctx.tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
    }
    return { ok: true };
  },
});
const expiring = defineMutation({
  name: 'test.expiring',
  args: z.object({}),
  maxAgeMs: 60_000,
  handle: async () => ({ ok: true }),
});
const missing = defineMutation({
  name: 'test.missing',
  args: z.object({}),
  handle: async () => {
    throw notFound('thing');
  },
});

let p: Awaited<ReturnType<typeof startPushPlatform>>;
let teamA: string;
let teamB: string;
let owner: { id: string; token: string };
let other: { id: string; token: string };
let lead: { id: string; token: string };

beforeAll(async () => {
  p = await startPushPlatform({ mutations: [crash, expiring, missing] });
  teamA = await p.team('team-a');
  teamB = await p.team('team-b');
  owner = await p.user('engineer', [teamA]);
  other = await p.user('engineer', [teamB]);
  lead = await p.user('lead', []);
});
afterAll(async () => p.close());

const mutation = (
  id: number,
  name: string,
  args: unknown,
  createdAt = new Date().toISOString(),
): Mutation => ({
  id,
  name,
  args,
  idempotencyKey: randomUUID(),
  createdAt,
});
const push = async (token: string, clientId: string, mutations: Mutation[]) =>
  p.call(token, 'POST', '/v1/sync/push', { clientId, mutations });
const serviceTitle = async (id: string) =>
  ((await p.admin('GET', `/v1/services/${id}`)).body as { title: string }).title;
const countRows = async (sql: string, params: unknown[]) =>
  Number((await p.pool.query<{ n: string }>(sql, params)).rows[0]?.n);

describe('POST /v1/sync/push', () => {
  it('applies a mutation once even when the same push arrives twice, or twice at once', async () => {
    const service = await p.service('twice', teamA);
    const client = randomUUID();
    const batch = [mutation(1, 'service.update', { id: service, patch: { title: 'Once' } })];
    const first = await push(owner.token, client, batch);
    expect(first.status).toBe(200);
    // The response is "lost": the client sends the very same batch again.
    const again = await push(owner.token, client, batch);
    expect(again.body).toEqual(first.body);
    expect((first.body as PushResponse).results[0]?.status).toBe('applied');

    const racing = [mutation(2, 'service.update', { id: service, patch: { description: 'race' } })];
    const [a, b] = await Promise.all([push(owner.token, client, racing), push(owner.token, client, racing)]);
    expect(a.body).toEqual(b.body);

    expect(await serviceTitle(service)).toBe('Once');
    const audits = await countRows(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'service.update' AND entity = 'service' AND entity_id = $1`,
      [service],
    );
    expect(audits).toBe(2); // one per mutation, not per delivery
    expect(
      await countRows(
        `SELECT count(*) AS n FROM audit_log WHERE entity = 'mutation' AND detail->>'clientId' = $1`,
        [client],
      ),
    ).toBe(2);
  });

  it('answers ids at or below the last one from storage and never re-runs them', async () => {
    const service = await p.service('stored', teamA);
    const client = randomUUID();
    await push(owner.token, client, [
      mutation(1, 'service.update', { id: service, patch: { title: 'First' } }),
      mutation(2, 'service.update', { id: service, patch: { title: 'Second' } }),
    ]);
    const replay = await push(owner.token, client, [
      mutation(1, 'service.update', { id: service, patch: { title: 'Sneaky' } }),
    ]);
    expect(replay.body).toEqual({
      results: [{ id: 1, status: 'applied', result: expect.anything() }],
      lastMutationId: 2,
    });
    expect(await serviceTitle(service)).toBe('Second');
  });

  it('records rejections without blocking the mutations after them', async () => {
    const service = await p.service('rejections', teamA);
    const client = randomUUID();
    const res = await push(owner.token, client, [
      mutation(1, 'service.update', { id: 'no-such-service', patch: { title: 'x' } }),
      mutation(2, 'nope.unknown', {}),
      mutation(3, 'service.update', { id: service, patch: { tier: 9 } }),
      mutation(4, 'test.missing', {}),
      mutation(5, 'service.update', { id: service, patch: { title: 'After rejections' } }),
    ]);
    const body = res.body as PushResponse;
    expect(body.results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'not_found',
      'unknown_mutation',
      'validation_failed',
      'not_found',
      'applied',
    ]);
    expect(body.lastMutationId).toBe(5);
    expect(await serviceTitle(service)).toBe('After rejections');
    // The rejection is stored like any answer.
    const again = await push(owner.token, client, [
      mutation(1, 'service.update', { id: service, patch: {} }),
    ]);
    expect((again.body as PushResponse).results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'not_found' },
    });
  });

  it('stops at a transient database failure, keeps what was done, and completes on retry', async () => {
    const service = await p.service('transient', teamA);
    const client = randomUUID();
    const batch = [
      mutation(1, 'service.update', { id: service, patch: { title: 'One' } }),
      mutation(2, 'test.crash', {}),
      mutation(3, 'service.update', { id: service, patch: { title: 'Three' } }),
    ];
    crashNext = true;
    const broken = await push(owner.token, client, batch);
    expect(broken.status).toBe(200);
    expect(broken.body).toEqual({
      results: [expect.objectContaining({ id: 1, status: 'applied' })],
      lastMutationId: 1,
    });
    expect(await serviceTitle(service)).toBe('One');

    // Nothing processable at all → 503 unavailable, and the client keeps its queue.
    const none = await push(owner.token, client, batch.slice(1));
    expect(none.status).toBe(503);
    expect(none.body).toMatchObject({ error: { code: 'unavailable' } });

    crashNext = false;
    const retry = await push(owner.token, client, batch);
    expect((retry.body as PushResponse).results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    expect((retry.body as PushResponse).lastMutationId).toBe(3);
    expect(await serviceTitle(service)).toBe('Three');
  });

  it("answers 403 for another user's client id", async () => {
    const client = randomUUID();
    expect((await push(owner.token, client, [mutation(1, 'test.crash', {})])).status).toBe(200);
    const stolen = await push(other.token, client, [mutation(2, 'test.crash', {})]);
    expect(stolen.status).toBe(403);
    expect(stolen.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('rejects a mutation older than its max age as expired', async () => {
    const client = randomUUID();
    const old = new Date(Date.now() - 3_600_000).toISOString();
    const res = await push(owner.token, client, [
      mutation(1, 'test.expiring', {}, old),
      mutation(2, 'test.expiring', {}),
    ]);
    expect((res.body as PushResponse).results).toEqual([
      {
        id: 1,
        status: 'rejected',
        reason: { code: 'expired', message: expect.stringContaining('older than') },
      },
      { id: 2, status: 'applied', result: { ok: true } },
    ]);
  });

  it('validates the request: uuid client id, 1..100 mutations, increasing ids', async () => {
    const bad = [
      { clientId: 'nope', mutations: [mutation(1, 'x', {})] },
      { clientId: randomUUID(), mutations: [] },
      { clientId: randomUUID(), mutations: [mutation(2, 'x', {}), mutation(1, 'x', {})] },
      { clientId: randomUUID(), mutations: [{ ...mutation(1, 'x', {}), idempotencyKey: 'k' }] },
    ];
    for (const body of bad) {
      const res = await p.call(owner.token, 'POST', '/v1/sync/push', body);
      expect(res.status).toBe(400);
    }
  });
});

describe('service.update', () => {
  it('lets owners, leads and admins edit; other engineers are rejected as forbidden', async () => {
    const service = await p.service('owned', teamA);
    const edit = (title: string) => [mutation(1, 'service.update', { id: service, patch: { title } })];
    const byOther = await push(other.token, randomUUID(), edit('Other'));
    expect((byOther.body as PushResponse).results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'forbidden' },
    });
    for (const [who, title] of [
      [owner, 'By owner'],
      [lead, 'By lead'],
    ] as const) {
      const res = await push(who.token, randomUUID(), edit(title));
      expect((res.body as PushResponse).results[0]?.status).toBe('applied');
      expect(await serviceTitle(service)).toBe(title);
    }
    const admin = await p.call(p.adminToken, 'POST', '/v1/sync/push', {
      clientId: randomUUID(),
      mutations: edit('By admin'),
    });
    expect((admin.body as PushResponse).results[0]?.status).toBe('applied');
    // The REST PATCH stays admin-only.
    expect((await p.call(owner.token, 'PATCH', `/v1/services/${service}`, { title: 'x' })).status).toBe(403);
  });

  it('merges edits of different fields (per-field last writer wins) and lets deletes win', async () => {
    const service = await p.service('merged', teamA);
    await push(owner.token, randomUUID(), [
      mutation(1, 'service.update', { id: service, patch: { title: 'T1', tier: 1 } }),
    ]);
    await push(lead.token, randomUUID(), [
      mutation(1, 'service.update', { id: service, patch: { description: 'D2', tier: 2, tags: ['a'] } }),
    ]);
    const merged = (await p.admin('GET', `/v1/services/${service}`)).body;
    expect(merged).toMatchObject({ title: 'T1', description: 'D2', tier: 2, tags: ['a'] });

    expect((await p.admin('DELETE', `/v1/services/${service}`)).status).toBe(204);
    const late = await push(owner.token, randomUUID(), [
      mutation(1, 'service.update', { id: service, patch: { title: 'late' } }),
    ]);
    expect((late.body as PushResponse).results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'not_found' },
    });
  });
});
