import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/backend/host/backend-types';
import type { IpcCommand, IpcEventPayload, IpcInput, IpcOutput } from '../../../../shared/contract';
import { createAdminBackend, waitForCache, waitForOnline, waitForStatus } from '../../backend-harness';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';

let platform: TestPlatform;
let backend: Backend;
let serviceId: string;
let db: pg.Client;
const dataDir = mkdtempSync(join(tmpdir(), 'pave-resources-'));
const logLines: string[] = [];
/** Every IPC answer the backend gave in this file, serialized: a secret value must be in none. */
const responses: string[] = [];
const progress: IpcEventPayload<'operation:progress'>[] = [];

async function call<C extends IpcCommand>(command: C, input: IpcInput<C>) {
  const result = await backend.dispatch(command, input);
  responses.push(JSON.stringify(result));
  return result;
}

async function invoke<C extends IpcCommand>(command: C, input: IpcInput<C>): Promise<IpcOutput<C>> {
  const result = await call(command, input);
  if (!result.ok) throw new Error(`${command} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as IpcOutput<C>;
}

async function rest(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${platform.adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Databases of THIS platform's resources: the cluster is shared with other test files running at once. */
const resourceDatabases = async (): Promise<string[]> => {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM resources');
  const names = rows.map((r) => `res_${r.id.replace(/-/g, '').toLowerCase()}`);
  const existing = await db.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname = ANY($1)',
    [names],
  );
  return existing.rows.map((r) => r.datname);
};

/** Every file under the data dir (cache.db, -wal, -shm, settings…), as bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) return filesUnder(path);
    return [{ path, bytes: readFileSync(path) }];
  });
}

beforeAll(async () => {
  platform = await startTestPlatform({ seed: 'none' });
  db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
  const team = await rest('POST', '/v1/teams', { slug: 'data', name: 'Data Team' });
  const service = await rest('POST', '/v1/services', {
    name: 'orders-api',
    title: 'Orders API',
    ownerTeamId: team.id,
  });
  serviceId = String(service.id);
  backend = await createAdminBackend(dataDir, platform, logLines);
  backend.on('operation:progress', (payload) => progress.push(payload));
  await waitForOnline(backend, logLines);
  await waitForCache(backend, async () =>
    (await invoke('catalog:get', { id: serviceId })) ? true : undefined,
  );
});

afterAll(async () => {
  await backend?.close();
  await db?.end();
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const readyResources = (list: IpcOutput<'resources:list'>) =>
  list.filter((r) => !r.local && r.kind === 'postgres' && r.status === 'ready');

describe('resources from the desktop backend', () => {
  it('asks the platform which kinds it can provision (this one has no Redis)', async () => {
    const kinds = await invoke('resources:kinds', {});
    expect(kinds.known).toBe(true);
    expect(kinds.items.map((k) => [k.kind, k.available])).toEqual([
      ['postgres', true],
      ['cache', false],
      ['queue', false],
    ]);
  });

  it('provisions a database online: a queued placeholder at once, then the real operation succeeds', async () => {
    await invoke('resources:provision', {
      serviceId,
      kind: 'postgres',
      size: 'small',
      environment: 'development',
    });
    const placeholder = await invoke('resources:list', { serviceId });
    expect(placeholder).toHaveLength(1);
    expect(placeholder[0]).toMatchObject({ local: true, status: 'provisioning', monthlyCostUsd: 15 });
    expect(placeholder[0]?.operation?.status).toBe('queued');

    const [ready] = await waitForCache(backend, async () => {
      const list = await invoke('resources:list', { serviceId });
      return list.length === 1 && readyResources(list).length === 1 ? list : undefined;
    });
    expect(ready?.operation?.status).toBe('succeeded');
    expect(ready?.secretNames).toEqual(['DATABASE_URL']);
    const operations = await invoke('operations:list', { serviceId });
    expect(operations).toHaveLength(1);
    expect(operations[0]).toMatchObject({
      kind: 'resource.provision',
      status: 'succeeded',
      serviceName: 'orders-api',
      local: false,
    });
    expect(await resourceDatabases()).toHaveLength(1);

    // The log: fetched from the platform (the operation finished), then cached for offline reading.
    const log = await invoke('operations:events', { id: ready!.operation!.id, after: 0 });
    expect(log.complete).toBe(true);
    expect(log.events.at(-1)).toMatchObject({ type: 'status', status: 'succeeded' });
    expect(log.events.map((e) => e.seq)).toEqual(log.events.map((_, i) => i + 1));
    const tail = await invoke('operations:events', { id: ready!.operation!.id, after: 2 });
    expect(tail.events[0]?.seq).toBe(3);
  });

  it('forwards a running operation live while watched and stops the stream when it finishes', async () => {
    const watched = new Promise<IpcEventPayload<'operation:progress'>>((resolve) => {
      const off = backend.on('operation:progress', (p) => {
        if (p.event.type === 'status' && p.event.status === 'succeeded') {
          off();
          resolve(p);
        }
      });
    });
    await invoke('resources:provision', {
      serviceId,
      kind: 'postgres',
      size: 'medium',
      environment: 'staging',
    });
    // The real operation id arrives with the first pull after the push.
    const operationId = await waitForCache(backend, async () => {
      const op = (await invoke('operations:list', { serviceId })).find(
        (o) => !o.local && o.input.size === 'medium',
      );
      return op?.id;
    });
    const { watchId } = await invoke('operations:watch', { id: operationId });
    const done = await watched;
    expect(done.operationId).toBe(operationId);
    const forwarded = progress.filter((p) => p.operationId === operationId).map((p) => p.event.seq);
    expect(new Set(forwarded).size).toBe(forwarded.length);
    expect(await invoke('operations:unwatch', { watchId })).toEqual({});
    await waitForCache(backend, async () => {
      const list = await invoke('resources:list', { serviceId });
      return readyResources(list).length === 2 ? true : undefined;
    });
  });

  it('queues a provision while the platform is down and sends it exactly once after restart', async () => {
    const before = await resourceDatabases();
    await platform.stop();

    // What the platform can provision is remembered from when it was reachable.
    expect((await invoke('resources:kinds', {})).items.find((k) => k.kind === 'cache')?.available).toBe(
      false,
    );
    // The estimate is pure: no platform needed.
    expect(await invoke('resources:estimate', { kind: 'postgres', size: 'large' })).toMatchObject({
      monthlyCostUsd: 240,
      currency: 'USD',
    });
    await invoke('resources:provision', {
      serviceId,
      kind: 'postgres',
      size: 'small',
      environment: 'production',
    });
    // The push attempt fails: the engine reports offline and the change stays queued.
    await waitForStatus(backend, (s) => s.state === 'offline' && s.pendingChanges === 1);
    const outbox = await invoke('outbox:list', {});
    const queued = outbox.find((o) => o.name === 'resource.provision');
    expect(queued).toMatchObject({ status: 'pending' });
    expect(queued?.summary).toBe('Provision postgres (small) for orders-api in production');
    const placeholder = (await invoke('operations:list', { serviceId })).find((o) => o.local);
    expect(placeholder).toMatchObject({ status: 'queued', kind: 'resource.provision' });
    const key = placeholder?.idempotencyKey;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);

    // Secrets are online-only: a clear error instead of a queue.
    const refused = await call('secrets:set', {
      serviceId,
      environment: 'production',
      name: 'OFFLINE_TRY',
      value: 'never-stored-anywhere',
    });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'offline',
        message:
          'Secrets are sent straight to the platform and never stored on this device; reconnect to set one.',
      },
    });

    await platform.start();
    await invoke('sync:now', {});
    const prodResources = await waitForCache(backend, async () => {
      const list = (await invoke('resources:list', { serviceId })).filter(
        (r) => r.environment === 'production',
      );
      return list.length === 1 && list[0]?.status === 'ready' && !list[0].local ? list : undefined;
    });
    expect(prodResources[0]?.operation?.status).toBe('succeeded');
    const sent = await db.query('SELECT id FROM operations WHERE idempotency_key = $1', [key]);
    expect(sent.rowCount).toBe(1);
    expect(await resourceDatabases()).toHaveLength(before.length + 1);
    expect((await invoke('operations:list', { serviceId })).filter((o) => o.local)).toEqual([]);

    // A script retrying with the same key over REST gets the same operation, not a second database.
    const again = await rest(
      'POST',
      `/v1/services/${serviceId}/resources`,
      { kind: 'postgres', size: 'small', environment: 'production' },
      { 'idempotency-key': key! },
    );
    expect(again.operationId).toBe(sent.rows[0]?.id);
    expect(await resourceDatabases()).toHaveLength(before.length + 1);
  });

  it("shows the platform's redis_not_configured message when it has no Redis", async () => {
    await invoke('resources:provision', {
      serviceId,
      kind: 'cache',
      size: 'small',
      environment: 'development',
    });
    const rejected = await waitForCache(backend, async () =>
      (await invoke('outbox:list', {})).find(
        (o) => o.name === 'resource.provision' && o.status === 'rejected',
      ),
    );
    expect(rejected.reason?.code).toBe('redis_not_configured');
    expect(rejected.reason?.message).toContain('--redis-url');
    // The placeholder is gone with the rejection.
    expect((await invoke('resources:list', { serviceId })).filter((r) => r.kind === 'cache')).toEqual([]);
  });

  it('deprovisions: deprovisioning at once, then the database is gone', async () => {
    const target = (await invoke('resources:list', { serviceId })).find((r) => r.environment === 'staging');
    expect(target).toBeDefined();
    const before = await resourceDatabases();
    await invoke('resources:deprovision', { resourceId: target!.id });
    expect((await invoke('resources:list', { serviceId })).find((r) => r.id === target!.id)?.status).toBe(
      'deprovisioning',
    );
    await waitForCache(backend, async () => {
      const list = await invoke('resources:list', { serviceId });
      return list.some((r) => r.id === target!.id) ? undefined : true;
    });
    expect(await resourceDatabases()).toHaveLength(before.length - 1);
  });

  it('sets and rotates a secret: its value is nowhere on disk, in the outbox, IPC answers or logs', async () => {
    const value = `s3cret-${randomBytes(16).toString('hex')}`;
    expect(
      await invoke('secrets:set', { serviceId, environment: 'development', name: 'STRIPE_KEY', value }),
    ).toEqual({});
    const listed = await waitForCache(backend, async () =>
      (await invoke('secrets:list', { serviceId })).find((s) => s.name === 'STRIPE_KEY'),
    );
    expect(listed).toMatchObject({ environment: 'development', resourceId: null });
    expect(Object.keys(listed)).not.toContain('value');
    const rotated = await invoke('secrets:rotate', {
      serviceId,
      environment: 'development',
      name: 'STRIPE_KEY',
    });
    expect(rotated.name).toBe('STRIPE_KEY');
    // The platform really holds it (decrypted server-side only for deploys).
    const stored = await db.query('SELECT count(*)::int AS n FROM secrets WHERE name = $1', ['STRIPE_KEY']);
    expect(stored.rows[0]?.n).toBe(1);

    const needle = Buffer.from(value);
    const files = filesUnder(dataDir);
    expect(files.map((f) => f.path.split('/').pop())).toContain('cache.db-wal');
    for (const file of files) expect(file.bytes.includes(needle), file.path).toBe(false);
    const outboxArgs = await invoke('outbox:list', {});
    expect(JSON.stringify(outboxArgs)).not.toContain(value);
    expect(responses.join('\n')).not.toContain(value);
    expect(logLines.join('\n')).not.toContain(value);
    expect(responses.join('\n')).not.toContain('never-stored-anywhere');
    for (const file of filesUnder(dataDir)) {
      expect(file.bytes.includes(Buffer.from('never-stored-anywhere')), file.path).toBe(false);
    }
  });
});
