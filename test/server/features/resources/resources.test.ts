import { Writable } from 'node:stream';
import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSecretsForDeploy } from '../../../../server/features/secrets/process-secrets';
import { startOperationsPlatform, type OperationsPlatform } from '../operations/operations-harness';
import { readOperationEvents } from '../operations/operation-waits';
import { seedTeamsAndEngineers } from '../operations/people';
import { apiClient } from '../../api-client';
import { startTestRedis, type TestRedis } from '../../../harness/redis';

let redis: TestRedis;
let platform: OperationsPlatform;
let people: Awaited<ReturnType<typeof seedTeamsAndEngineers>>;
const logLines: string[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  // Capture everything Fastify logs, at the most verbose level, to prove no secret reaches it.
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  platform = await startOperationsPlatform({ redisUrl: redis.url, logger: { level: 'trace', stream } });
  people = await seedTeamsAndEngineers(platform.url, platform.adminToken);
});

afterAll(async () => {
  await platform?.close();
  await redis?.stop();
});

const responses: string[] = [];
async function call(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  const response = await apiClient(platform.url, token)(method, path, body, headers);
  responses.push(JSON.stringify(response.body));
  return response;
}

async function provision(kind: string, size = 'small', key?: string) {
  const accepted = await call(
    people.ownToken,
    'POST',
    `/v1/services/${people.serviceId}/resources`,
    { kind, size, environment: 'development' },
    key ? { 'idempotency-key': key } : {},
  );
  expect(accepted.status).toBe(202);
  const { operationId, resourceId } = accepted.body as { operationId: string; resourceId: string };
  const events = await readOperationEvents(platform.url, people.ownToken, operationId);
  responses.push(JSON.stringify(events));
  expect(events.at(-1)?.status, JSON.stringify(events)).toBe('succeeded');
  return { operationId, resourceId, events };
}

async function deprovision(resourceId: string) {
  const accepted = await call(people.ownToken, 'DELETE', `/v1/resources/${resourceId}`);
  expect(accepted.status).toBe(202);
  const { operationId } = accepted.body as { operationId: string };
  const events = await readOperationEvents(platform.url, people.ownToken, operationId);
  expect(events.at(-1)?.status, JSON.stringify(events)).toBe('succeeded');
}

describe('postgres resources', () => {
  it('creates a role and database with a connection limit, one operation per Idempotency-Key, and removes them', async () => {
    const first = await provision('postgres', 'small', 'key-pg-1');
    const again = await call(
      people.ownToken,
      'POST',
      `/v1/services/${people.serviceId}/resources`,
      { kind: 'postgres', size: 'small', environment: 'development' },
      { 'idempotency-key': 'key-pg-1' },
    );
    expect((again.body as { operationId: string }).operationId).toBe(first.operationId);
    const ops = await platform.pool.query("SELECT id FROM operations WHERE kind = 'resource.provision'");
    expect(ops.rowCount).toBe(1);

    const { DATABASE_URL } = await readSecretsForDeploy(platform.pool, people.serviceId, 'development');
    expect(DATABASE_URL).toMatch(/^postgres/);
    const clients: pg.Client[] = [];
    for (let i = 0; i < 5; i++) {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      clients.push(client);
    }
    const { rows } = await clients[0]!.query<{ db: string; me: string }>(
      'SELECT current_database() AS db, current_user AS me',
    );
    expect(rows[0]?.db).toBe(rows[0]?.me);
    const sixth = new pg.Client({ connectionString: DATABASE_URL });
    await expect(sixth.connect()).rejects.toThrow(/too many connections for role/);
    await Promise.all(clients.map((client) => client.end()));

    const listed = await call(people.ownToken, 'GET', `/v1/services/${people.serviceId}/resources`);
    const resource = (listed.body as { items: { id: string; status: string; monthlyCostUsd: number }[] })
      .items[0];
    expect(resource).toMatchObject({ id: first.resourceId, status: 'ready', monthlyCostUsd: 15 });
    // One resource_provisioned event for the metrics' adoption, though the request was sent twice.
    const events = await platform.pool.query<{ data: { resourceId: string; kind: string } }>(
      "SELECT data FROM platform_events WHERE kind = 'resource_provisioned' AND data->>'resourceId' = $1",
      [first.resourceId],
    );
    expect(events.rows.map((row) => row.data)).toEqual([{ resourceId: first.resourceId, kind: 'postgres' }]);

    await deprovision(first.resourceId);
    const name = `res_${first.resourceId.replace(/-/g, '')}`;
    expect((await platform.pool.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount).toBe(0);
    expect((await platform.pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount).toBe(
      0,
    );
    expect(await readSecretsForDeploy(platform.pool, people.serviceId, 'development')).toEqual({});
  });

  it('rotating the credentials changes the real password', async () => {
    const { resourceId } = await provision('postgres', 'medium');
    const before = (await readSecretsForDeploy(platform.pool, people.serviceId, 'development')).DATABASE_URL!;
    const rotated = await call(
      people.ownToken,
      'POST',
      `/v1/services/${people.serviceId}/secrets/development/DATABASE_URL/rotate`,
    );
    expect(rotated.status).toBe(200);
    const after = (await readSecretsForDeploy(platform.pool, people.serviceId, 'development')).DATABASE_URL!;
    expect(after).not.toBe(before);
    await expect(new pg.Client({ connectionString: before }).connect()).rejects.toThrow(
      /password authentication/,
    );
    const client = new pg.Client({ connectionString: after });
    await client.connect();
    await client.end();
    await deprovision(resourceId);
  });
});

describe('redis resources', () => {
  it('confines a cache user to its key prefix (NOPERM elsewhere)', async () => {
    const { resourceId } = await provision('cache');
    const secrets = await readSecretsForDeploy(platform.pool, people.serviceId, 'development');
    const client = createClient({ url: secrets.REDIS_URL });
    await client.connect();
    await client.set(`${secrets.REDIS_PREFIX}greeting`, 'hello');
    expect(await client.get(`${secrets.REDIS_PREFIX}greeting`)).toBe('hello');
    await expect(client.set('other:key', 'x')).rejects.toThrow(/NOPERM/);
    await expect(client.get(`res:someone-else:key`)).rejects.toThrow(/NOPERM/);
    await expect(client.sendCommand(['FLUSHALL'])).rejects.toThrow(/NOPERM/);
    await client.close();
    await deprovision(resourceId);
    const admin = createClient({ url: redis.url });
    await admin.connect();
    expect(await admin.sendCommand(['ACL', 'LIST'])).toHaveLength(1);
    expect(await admin.get(`${secrets.REDIS_PREFIX}greeting`)).toBeNull();
    await admin.close();
  });

  it('gives a queue user XADD/XREADGROUP on its stream only', async () => {
    const { resourceId } = await provision('queue');
    const secrets = await readSecretsForDeploy(platform.pool, people.serviceId, 'development');
    const client = createClient({ url: secrets.QUEUE_URL });
    await client.connect();
    await client.xAdd(secrets.QUEUE_STREAM!, '*', { job: 'send-email' });
    const read = await client.xReadGroup(secrets.QUEUE_GROUP!, 'worker-1', {
      key: secrets.QUEUE_STREAM!,
      id: '>',
    });
    expect(JSON.stringify(read)).toContain('send-email');
    await expect(client.xAdd('res:other:stream', '*', { a: 'b' })).rejects.toThrow(/NOPERM/);
    await expect(client.set(`${secrets.QUEUE_STREAM}`, 'x')).rejects.toThrow(/NOPERM/);
    await client.close();
    await deprovision(resourceId);
  });
});

describe('roles and secrets', () => {
  it('answers 403 to an engineer of another team, on resources and secrets', async () => {
    const body = { kind: 'postgres', size: 'small', environment: 'development' };
    const denied = await call(people.otherToken, 'POST', `/v1/services/${people.serviceId}/resources`, body);
    expect(denied.status).toBe(403);
    const secret = await call(
      people.otherToken,
      'PUT',
      `/v1/services/${people.serviceId}/secrets/staging/API_KEY`,
      {
        value: 'x',
      },
    );
    expect(secret.status).toBe(403);
  });

  it('never shows a secret value in responses, the change log, logs or operation events', async () => {
    const value = `s3cr3t-${Math.random().toString(36).slice(2)}`;
    const put = await call(
      people.ownToken,
      'PUT',
      `/v1/services/${people.serviceId}/secrets/staging/API_KEY`,
      {
        value,
      },
    );
    expect(put.status).toBe(204);
    const list = await call(people.ownToken, 'GET', `/v1/services/${people.serviceId}/secrets`);
    expect(JSON.stringify(list.body)).toContain('API_KEY');
    const changes = await call(people.ownToken, 'GET', '/v1/sync/changes?limit=5000');
    expect(JSON.stringify(changes.body)).toContain('API_KEY');
    expect((await readSecretsForDeploy(platform.pool, people.serviceId, 'staging')).API_KEY).toBe(value);

    // Provisioned credentials must not leak either.
    const { resourceId } = await provision('cache');
    const generated = await readSecretsForDeploy(platform.pool, people.serviceId, 'development');
    const password = new URL(generated.REDIS_URL!).password;

    const db = await platform.pool.query<{ text: string }>(
      `SELECT (SELECT coalesce(string_agg(data::text, ''), '') FROM change_log) ||
              (SELECT coalesce(string_agg(message, ''), '') FROM operation_events) ||
              (SELECT coalesce(string_agg(input::text || coalesce(result::text, '') || coalesce(error::text, ''), ''), '') FROM operations) ||
              (SELECT coalesce(string_agg(detail::text, ''), '') FROM audit_log) AS text`,
    );
    const everything = [db.rows[0]?.text ?? '', ...responses, ...logLines].join('\n');
    expect(logLines.length).toBeGreaterThan(0);
    for (const needle of [value, password]) expect(everything).not.toContain(needle);
    await deprovision(resourceId);
  });
});

it('offers every kind when the platform has a Redis', async () => {
  const kinds = await call(people.ownToken, 'GET', '/v1/resources/kinds');
  expect(kinds.body).toEqual({
    items: ['postgres', 'cache', 'queue'].map((kind) => ({ kind, available: true, reason: null })),
  });
});
