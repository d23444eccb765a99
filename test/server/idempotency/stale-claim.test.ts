import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { principalOf } from '../../../server/auth/authenticate';
import { withTransaction } from '../../../server/db/transaction';
import { claimIdempotencyKey } from '../../../server/idempotency/idempotency';
import { CLAIM_LEASE_SECONDS } from '../../../server/idempotency/stale-claim';
import { startPushPlatform } from '../sync/push-platform';

/**
 * Issue 13, finding 10: a platform that crashed between claiming a REST Idempotency-Key (committed
 * before the handler runs) and storing its answer left the key "running", so every retry got 409
 * until the key expired a day later. The state such a crash leaves is the committed claim alone:
 * the test writes it with the same claimIdempotencyKey the REST wrapper uses, then retries.
 */
const Order = z.object({ item: z.string().min(1) });
let p: Awaited<ReturnType<typeof startPushPlatform>>;
let user: { id: string; token: string };

beforeAll(async () => {
  p = await startPushPlatform({
    routes(app) {
      app.post(
        '/test/orders',
        {
          config: { idempotency: { fingerprint: (request) => ['order', request.body] } },
          schema: { body: Order },
        },
        async (request, reply) => {
          principalOf(request);
          const { item } = request.body as z.infer<typeof Order>;
          const { rows } = await p.pool.query<{ id: number }>(
            'INSERT INTO test_orders (item) VALUES ($1) RETURNING id',
            [item],
          );
          return reply.code(201).send({ orderId: rows[0]?.id });
        },
      );
    },
  });
  await p.pool.query('CREATE TABLE test_orders (id serial PRIMARY KEY, item text NOT NULL)');
  user = await p.user('engineer', [await p.team('orders')]);
});
afterAll(async () => p.close());

const order = (key: string) =>
  p.call(user.token, 'POST', '/test/orders', { item: 'disk' }, { 'idempotency-key': key });

/** What a crash right after the REST wrapper's claim leaves behind, `ageSeconds` ago. */
async function crashAfterClaim(key: string, ageSeconds: number): Promise<void> {
  await withTransaction(p.pool, (tx) =>
    claimIdempotencyKey(tx, { userId: user.id, key, fingerprint: ['order', { item: 'disk' }] }),
  );
  await p.pool.query(
    `UPDATE idempotency_keys SET created_at = now() - make_interval(secs => $3) WHERE user_id = $1 AND key = $2`,
    [user.id, key, ageSeconds],
  );
}
const orders = async () => Number((await p.pool.query('SELECT count(*) AS n FROM test_orders')).rows[0].n);

describe('a claim left running by a crash', () => {
  it('still answers 409 within its lease: the first request may yet answer', async () => {
    await crashAfterClaim('within-lease', CLAIM_LEASE_SECONDS - 30);
    const retry = await order('within-lease');
    expect(retry.status).toBe(409);
    expect(retry.body).toMatchObject({ error: { code: 'idempotency_in_progress' } });
  });

  it('is taken over after its lease: the retry runs, and later retries replay its answer', async () => {
    await crashAfterClaim('crashed', CLAIM_LEASE_SECONDS + 1);
    const before = await orders();
    const retry = await order('crashed');
    expect(retry.status).toBe(201);
    expect(await orders()).toBe(before + 1);
    const again = await order('crashed');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(retry.body);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(await orders()).toBe(before + 1);
  });

  it('never takes over a finished key within its lifetime', async () => {
    const first = await order('finished');
    await p.pool.query(
      `UPDATE idempotency_keys SET created_at = now() - make_interval(secs => $2) WHERE key = $1`,
      ['finished', CLAIM_LEASE_SECONDS + 60],
    );
    const before = await orders();
    const again = await order('finished');
    expect(again.body).toEqual(first.body);
    expect(await orders()).toBe(before);
  });
});
