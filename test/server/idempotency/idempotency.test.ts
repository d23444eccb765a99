import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PushResponse } from '../../../shared/api/push';
import { principalOf } from '../../../server/auth/authenticate';
import { withTransaction } from '../../../server/db/transaction';
import { runIdempotent } from '../../../server/idempotency/idempotency';
import { defineMutation } from '../../../server/sync/mutation-registry';
import { startPushPlatform } from '../sync/push-platform';

// A real effect per execution (a row), so "ran once" is counted in the database.
const Order = z.object({ item: z.string().min(1), quantity: z.number().int().positive() });
let gate: { entered: () => void; release: Promise<void> } | null = null;
let failNext = false;

const placeOrder = defineMutation({
  name: 'test.order',
  args: Order,
  async handle(ctx, args) {
    const res = await runIdempotent(
      ctx.tx,
      { userId: ctx.principal.userId, key: ctx.idempotencyKey, fingerprint: ['order', args] },
      async () => {
        const { rows } = await ctx.tx.query<{ id: number }>(
          'INSERT INTO test_orders (item, quantity) VALUES ($1, $2) RETURNING id',
          [args.item, args.quantity],
        );
        return { status: 201, body: { orderId: rows[0]?.id } };
      },
    );
    return res.body;
  },
});

let p: Awaited<ReturnType<typeof startPushPlatform>>;
let user: { id: string; token: string };

beforeAll(async () => {
  p = await startPushPlatform({
    mutations: [placeOrder],
    routes(app) {
      app.post(
        '/test/orders',
        {
          config: { idempotency: { fingerprint: (request) => ['order', request.body] } },
          schema: { body: Order },
        },
        async (request, reply) => {
          principalOf(request);
          if (gate) {
            gate.entered();
            await gate.release;
          }
          if (failNext) {
            failNext = false;
            throw new Error('database unavailable');
          }
          const body = request.body as z.infer<typeof Order>;
          const id = await withTransaction(p.pool, async (tx) => {
            const { rows } = await tx.query<{ id: number }>(
              'INSERT INTO test_orders (item, quantity) VALUES ($1, $2) RETURNING id',
              [body.item, body.quantity],
            );
            return rows[0]?.id;
          });
          return reply.code(201).send({ orderId: id });
        },
      );
    },
  });
  await p.pool.query(
    'CREATE TABLE test_orders (id serial PRIMARY KEY, item text NOT NULL, quantity int NOT NULL)',
  );
  const team = await p.team('orders');
  user = await p.user('engineer', [team]);
});
afterAll(async () => p.close());

const order = (key: string, payload: unknown = { item: 'disk', quantity: 1 }) =>
  p.call(user.token, 'POST', '/test/orders', payload, { 'idempotency-key': key });
const orders = async () =>
  Number((await p.pool.query<{ n: string }>('SELECT count(*) AS n FROM test_orders')).rows[0]?.n);

describe('Idempotency-Key on REST mutations', () => {
  it('replays the stored response for the same key and payload, without running again', async () => {
    const before = await orders();
    const key = randomUUID();
    const first = await order(key);
    expect(first.status).toBe(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const again = await order(key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(await orders()).toBe(before + 1);
    // Scoped per user: the same key from someone else is a different request.
    const admin = await p.call(
      p.adminToken,
      'POST',
      '/test/orders',
      { item: 'disk', quantity: 1 },
      { 'idempotency-key': key },
    );
    expect(admin.headers['idempotency-replayed']).toBeUndefined();
  });

  it('answers 422 for the same key with another payload', async () => {
    const key = randomUUID();
    await order(key);
    const other = await order(key, { item: 'disk', quantity: 2 });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ error: { code: 'idempotency_key_reused' } });
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const key = randomUUID();
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    gate = { entered, release: new Promise<void>((resolve) => (release = resolve)) };
    const first = order(key);
    await inHandler;
    gate = null;
    const second = await order(key);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: { code: 'idempotency_in_progress' } });
    release();
    expect((await first).status).toBe(201);
    expect((await order(key)).headers['idempotency-replayed']).toBe('true');
  });

  it('frees the key after a 5xx so the retry runs', async () => {
    const before = await orders();
    const key = randomUUID();
    failNext = true;
    const failed = await order(key);
    expect(failed.status).toBe(500);
    const retry = await order(key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBeUndefined();
    expect(await orders()).toBe(before + 1);
  });

  it('rejects a malformed key and leaves requests without one alone', async () => {
    expect((await order('has space')).status).toBe(400);
    expect((await p.call(user.token, 'POST', '/test/orders', { item: 'x', quantity: 1 })).status).toBe(201);
  });

  it('resolves a push mutation and a REST call with the same key to one result', async () => {
    const before = await orders();
    const key = randomUUID();
    const push = await p.call(user.token, 'POST', '/v1/sync/push', {
      clientId: randomUUID(),
      mutations: [
        {
          id: 1,
          name: 'test.order',
          args: { item: 'cpu', quantity: 3 },
          idempotencyKey: key,
          createdAt: new Date().toISOString(),
        },
      ],
    });
    const applied = (push.body as PushResponse).results[0];
    expect(applied).toMatchObject({ status: 'applied', result: { orderId: expect.any(Number) } });
    const rest = await order(key, { item: 'cpu', quantity: 3 });
    expect(rest.status).toBe(201);
    expect(rest.headers['idempotency-replayed']).toBe('true');
    expect(rest.body).toEqual(applied?.status === 'applied' ? applied.result : null);
    expect(await orders()).toBe(before + 1);
  });
});
