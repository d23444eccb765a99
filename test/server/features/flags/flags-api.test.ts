import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesPage } from '../../../../shared/contract';
import type { PlatformEvent } from '../../../../shared/features/events/api';
import { Flag, RuntimeFlags } from '../../../../shared/features/flags/api';
import { createPool } from '../../../../server/db/pool';
import { issueFlagsKey } from '../../../../server/features/flags/runtime-keys';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';

let platform: TestPlatform;
let admin: ReturnType<typeof apiClient>;
let pool: ReturnType<typeof createPool>;
/** An engineer of the team that owns `checkout`, and one of another team. */
let owner: ReturnType<typeof apiClient>;
let outsider: ReturnType<typeof apiClient>;
let ownerId: string;
let checkout: string;
let ledger: string;

async function user(name: string, role: string, teamIds: string[]) {
  const created = await admin('POST', '/v1/users', { name, email: `${name}@example.com`, role, teamIds });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = (created.body as { id: string }).id;
  const token = ((await admin('POST', `/v1/users/${id}/tokens`, {})).body as { token: string }).token;
  return { id, api: apiClient(platform.url, token) };
}

async function service(name: string, ownerTeamId: string): Promise<string> {
  const created = await admin('POST', '/v1/services', { name, title: name, ownerTeamId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return (created.body as { id: string }).id;
}

const flagEvents = async (serviceId: string) =>
  (
    (await admin('GET', `/v1/platform-events?kind=flag_changed&serviceId=${serviceId}`)).body as {
      items: PlatformEvent[];
    }
  ).items;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
  pool = createPool(platform.databaseUrl);
  const team = async (slug: string) =>
    ((await admin('POST', '/v1/teams', { slug, name: slug })).body as { id: string }).id;
  const payments = await team('payments');
  const search = await team('search');
  checkout = await service('checkout', payments);
  ledger = await service('ledger', search);
  const engineer = await user('owner', 'engineer', [payments]);
  owner = engineer.api;
  ownerId = engineer.id;
  outsider = (await user('outsider', 'engineer', [search])).api;
});

afterAll(async () => {
  await pool?.end();
  await platform?.close();
});

describe('flags over REST', () => {
  it('creates, lists, toggles, rolls out and deletes a flag; each change is synced, audited and one event', async () => {
    const created = await owner('POST', `/v1/services/${checkout}/flags`, {
      environment: 'production',
      key: 'new-checkout',
      description: 'The one-page checkout',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const flag = Flag.parse(created.body);
    expect(flag).toMatchObject({
      serviceId: checkout,
      environment: 'production',
      key: 'new-checkout',
      enabled: false,
      rolloutPercent: 100,
      updatedBy: ownerId,
    });

    const on = await owner('PATCH', `/v1/flags/${flag.id}`, { enabled: true });
    expect(on.status).toBe(200);
    expect(Flag.parse(on.body).enabled).toBe(true);
    const rollout = await owner('PATCH', `/v1/flags/${flag.id}`, { rolloutPercent: 25 });
    expect(Flag.parse(rollout.body).rolloutPercent).toBe(25);
    // Setting what is already set, or only the description: no behaviour change, no event.
    expect((await owner('PATCH', `/v1/flags/${flag.id}`, { enabled: true })).status).toBe(200);
    expect((await owner('PATCH', `/v1/flags/${flag.id}`, { description: 'Checkout v2' })).status).toBe(200);

    const listed = await owner('GET', `/v1/services/${checkout}/flags`);
    expect((listed.body as { items: Flag[] }).items).toMatchObject([
      { id: flag.id, enabled: true, rolloutPercent: 25, description: 'Checkout v2' },
    ]);

    expect((await owner('DELETE', `/v1/flags/${flag.id}`)).status).toBe(204);
    expect((await owner('GET', `/v1/flags/${flag.id}`)).status).toBe(404);

    const events = await flagEvents(checkout);
    expect(events.map((e) => [e.data.change, e.data.rolloutPercent, e.environment, e.actorId])).toEqual([
      ['created', 100, 'production', ownerId],
      ['enabled', 100, 'production', ownerId],
      ['rollout', 25, 'production', ownerId],
      ['deleted', null, 'production', ownerId],
    ]);

    const page = (await admin('GET', '/v1/sync/changes?limit=5000')).body as ChangesPage;
    const ops = page.changes.filter((c) => c.entity === 'flag' && c.id === flag.id).map((c) => c.op);
    // The change log keeps a row's latest change: the delete.
    expect(ops.at(-1)).toBe('del');

    const { rows } = await pool.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'flag' AND entity_id = $1 ORDER BY id`,
      [flag.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'flag.create',
      'flag.update',
      'flag.update',
      'flag.update',
      'flag.delete',
    ]);
  });

  it('refuses a flag named twice in one environment with 409 flag_exists, and allows it in another', async () => {
    const body = { environment: 'production', key: 'dark-mode' };
    expect((await owner('POST', `/v1/services/${checkout}/flags`, body)).status).toBe(201);
    const twice = await owner('POST', `/v1/services/${checkout}/flags`, body);
    expect(twice.status).toBe(409);
    expect(twice.body).toEqual({
      error: { code: 'flag_exists', message: 'a flag "dark-mode" already exists for checkout in production' },
    });
    expect(
      (await owner('POST', `/v1/services/${checkout}/flags`, { ...body, environment: 'staging' })).status,
    ).toBe(201);
    const page = (await admin('GET', '/v1/sync/changes?limit=5000')).body as ChangesPage;
    const synced = page.changes.filter((c) => c.entity === 'flag' && c.op === 'put');
    expect(synced.map((c) => (c.op === 'put' ? Flag.parse(c.data).key : null))).toContain('dark-mode');
  });

  it('lets exactly one of two concurrent creates of a key win; the other gets 409', async () => {
    const body = { environment: 'development', key: 'raced' };
    const statuses = await Promise.all(
      Array.from({ length: 4 }, () => owner('POST', `/v1/services/${checkout}/flags`, body)),
    );
    expect(statuses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it('checks input: a bad key or rollout is a 400 naming the field, an unknown service 404', async () => {
    const badKey = await owner('POST', `/v1/services/${checkout}/flags`, {
      environment: 'staging',
      key: 'Dark Mode',
    });
    expect(badKey.status).toBe(400);
    expect(JSON.stringify(badKey.body)).toContain('key');
    const created = Flag.parse(
      (await owner('POST', `/v1/services/${checkout}/flags`, { environment: 'staging', key: 'ok-key' })).body,
    );
    const badRollout = await owner('PATCH', `/v1/flags/${created.id}`, { rolloutPercent: 101 });
    expect(badRollout.status).toBe(400);
    expect(JSON.stringify(badRollout.body)).toContain('rolloutPercent');
    expect((await owner('PATCH', `/v1/flags/${created.id}`, {})).status).toBe(400);
    expect(
      (await owner('POST', '/v1/services/nope/flags', { environment: 'staging', key: 'x' })).status,
    ).toBe(404);
    expect((await owner('GET', '/v1/services/nope/flags')).status).toBe(404);
  });

  it('refuses an engineer of another team (403) on every change; leads and admins may act', async () => {
    const flag = Flag.parse(
      (await owner('POST', `/v1/services/${checkout}/flags`, { environment: 'development', key: 'guarded' }))
        .body,
    );
    const create = await outsider('POST', `/v1/services/${checkout}/flags`, {
      environment: 'development',
      key: 'intruder',
    });
    expect(create.status).toBe(403);
    expect((create.body as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await outsider('PATCH', `/v1/flags/${flag.id}`, { enabled: true })).status).toBe(403);
    expect((await outsider('DELETE', `/v1/flags/${flag.id}`)).status).toBe(403);
    expect(Flag.parse((await admin('GET', `/v1/flags/${flag.id}`)).body).enabled).toBe(false);
    // The outsider owns ledger; the admin may act on any service.
    expect(
      (await outsider('POST', `/v1/services/${ledger}/flags`, { environment: 'development', key: 'own' }))
        .status,
    ).toBe(201);
    expect((await admin('PATCH', `/v1/flags/${flag.id}`, { enabled: true })).status).toBe(200);
  });

  it('replays a POST with the same Idempotency-Key: one flag, one event', async () => {
    const key = randomUUID();
    const body = { environment: 'staging', key: 'replayed' };
    const first = await owner('POST', `/v1/services/${checkout}/flags`, body, { 'idempotency-key': key });
    const second = await owner('POST', `/v1/services/${checkout}/flags`, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const created = (await flagEvents(checkout)).filter((e) => e.data.key === 'replayed');
    expect(created).toHaveLength(1);
  });
});

describe('flags through push mutations', () => {
  const push = (api: typeof owner, clientId: string, mutations: unknown[]) =>
    api('POST', '/v1/sync/push', { clientId, mutations });
  const mutation = (id: number, name: string, args: unknown) => ({
    id,
    name,
    args,
    idempotencyKey: randomUUID(),
    createdAt: new Date().toISOString(),
  });

  it('applies create, update and delete exactly once; a resent mutation changes nothing', async () => {
    const clientId = randomUUID();
    const id = randomUUID();
    const create = mutation(1, 'flag.create', {
      id,
      serviceId: checkout,
      environment: 'development',
      key: 'pushed',
      enabled: false,
      rolloutPercent: 100,
      description: '',
    });
    const toggle = mutation(2, 'flag.update', { id, enabled: true });
    const first = await push(owner, clientId, [create, toggle]);
    expect(first.status).toBe(200);
    expect((first.body as { results: { status: string }[] }).results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
    ]);
    // The same mutations again (a lost response): answered from storage, applied once.
    const resent = await push(owner, clientId, [create, toggle]);
    expect(resent.body).toEqual(first.body);
    const events = (await flagEvents(checkout)).filter((e) => e.data.flagId === id);
    expect(events.map((e) => e.data.change)).toEqual(['created', 'enabled']);

    const removed = await push(owner, clientId, [mutation(3, 'flag.delete', { id })]);
    expect((removed.body as { results: { status: string }[] }).results[0]?.status).toBe('applied');
    // Deletes win: deleting it again (another device) is done, not an error, and no second event.
    const again = await push(owner, randomUUID(), [mutation(1, 'flag.delete', { id })]);
    expect((again.body as { results: { status: string }[] }).results[0]?.status).toBe('applied');
    expect((await flagEvents(checkout)).filter((e) => e.data.flagId === id)).toHaveLength(3);
  });

  it('rejects a duplicate key and a stranger with their codes, without blocking the queue', async () => {
    const clientId = randomUUID();
    const duplicate = mutation(1, 'flag.create', {
      id: randomUUID(),
      serviceId: checkout,
      environment: 'production',
      key: 'dark-mode',
      enabled: true,
      rolloutPercent: 100,
      description: '',
    });
    const next = mutation(2, 'flag.create', {
      id: randomUUID(),
      serviceId: checkout,
      environment: 'production',
      key: 'after-the-duplicate',
      enabled: false,
      rolloutPercent: 100,
      description: '',
    });
    const result = await push(owner, clientId, [duplicate, next]);
    const results = (
      result.body as { results: { status: string; reason?: { code: string; message: string } }[] }
    ).results;
    expect(results[0]).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'flag_exists',
        message: 'a flag "dark-mode" already exists for checkout in production',
      },
    });
    expect(results[1]?.status).toBe('applied');

    const target = await keyId('after-the-duplicate');
    const stranger = await push(outsider, randomUUID(), [
      mutation(1, 'flag.update', { id: target, enabled: true }),
    ]);
    expect(
      (stranger.body as { results: { status: string; reason?: { code: string } }[] }).results[0],
    ).toMatchObject({
      status: 'rejected',
      reason: { code: 'forbidden' },
    });
  });
});

async function keyId(key: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM flags WHERE key = $1', [key]);
  if (!rows[0]) throw new Error(`no flag ${key}`);
  return rows[0].id;
}

describe('the runtime flags endpoint', () => {
  it("serves a key's own service+environment only, with an ETag that answers 304 until a flag changes", async () => {
    await owner('POST', `/v1/services/${checkout}/flags`, {
      environment: 'staging',
      key: 'runtime-a',
      enabled: true,
    });
    await outsider('POST', `/v1/services/${ledger}/flags`, { environment: 'staging', key: 'ledger-only' });
    const key = await issueFlagsKey(pool, checkout, 'staging');
    const read = (headers: Record<string, string> = {}) =>
      fetch(`${platform.url}/v1/runtime/flags`, { headers: { authorization: `Bearer ${key}`, ...headers } });

    const first = await read();
    expect(first.status).toBe(200);
    const body = RuntimeFlags.parse(await first.json());
    expect(body.serviceId).toBe(checkout);
    expect(body.environment).toBe('staging');
    const keys = body.flags.map((f) => f.key);
    expect(keys).toContain('runtime-a');
    expect(keys).not.toContain('ledger-only');
    expect(keys).not.toContain('guarded'); // development's
    expect(body.flags.find((f) => f.key === 'runtime-a')).toEqual({
      key: 'runtime-a',
      enabled: true,
      rolloutPercent: 100,
    });

    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const unchanged = await read({ 'if-none-match': etag ?? '' });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');

    await owner('PATCH', `/v1/flags/${await keyId('runtime-a')}`, { enabled: false });
    const changed = await read({ 'if-none-match': etag ?? '' });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(RuntimeFlags.parse(await changed.json()).flags.find((f) => f.key === 'runtime-a')?.enabled).toBe(
      false,
    );
  });

  it('answers 401 without a key, with a wrong key, and with a user token', async () => {
    const call = (authorization?: string) =>
      fetch(`${platform.url}/v1/runtime/flags`, { headers: authorization ? { authorization } : {} });
    for (const response of [
      await call(),
      await call('Bearer pave_flags_not-a-real-key'),
      await call(`Bearer ${platform.adminToken}`),
    ]) {
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  });

  it('stores keys hashed and prunes keys nobody used for a while when a new one is issued', async () => {
    const key = await issueFlagsKey(pool, ledger, 'production');
    const { rows } = await pool.query<{ key_hash: string }>('SELECT key_hash FROM flag_keys');
    expect(rows.some((r) => r.key_hash === key)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash))).toBe(true);

    await pool.query(`UPDATE flag_keys SET created_at = now() - interval '1 hour', last_used_at = NULL`);
    await issueFlagsKey(pool, ledger, 'production');
    const stale = await fetch(`${platform.url}/v1/runtime/flags`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(stale.status).toBe(401);
  });
});
