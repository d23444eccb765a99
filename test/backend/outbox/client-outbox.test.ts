import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackendContext } from '../../../electron/backend/composition/backend-context';
import { backendFeatures } from '../../../electron/backend/features';
import { createCatalogHandlers } from '../../../electron/backend/features/catalog/handlers';
import { localMutatorRegistry } from '../../../electron/backend/outbox/local-mutator';
import type { LocalModel } from '../../../electron/backend/outbox/local-model';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { startDesktopClient } from '../desktop-client';

let platform: TestPlatform;
let db: pg.Pool;
let dir: string;
let teamA: string;
let teamB: string;
let engineer: string; // token of an engineer in team A
const clients: Awaited<ReturnType<typeof startDesktopClient>>[] = [];

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${platform.adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}
async function userToken(role: string, teamIds: string[], n: number): Promise<string> {
  const user = await api<{ id: string }>('POST', '/v1/users', {
    name: `U${n}`,
    email: `u${n}@example.test`,
    role,
    teamIds,
  });
  return (await api<{ token: string }>('POST', `/v1/users/${user.id}/tokens`, { name: 't' })).token;
}
let serviceCounter = 0;
const newService = async (team = teamA) =>
  (
    await api<{ id: string }>('POST', '/v1/services', {
      name: `svc-${++serviceCounter}`,
      title: 'Original',
      ownerTeamId: team,
    })
  ).id;
const serverService = (id: string) =>
  api<{ title: string; description: string; tier: number }>('GET', `/v1/services/${id}`);
const serviceUpdates = async (id: string) =>
  Number(
    (
      await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'service.update' AND entity = 'service' AND entity_id = $1`,
        [id],
      )
    ).rows[0]?.n,
  );

const client = async (name: string, opts: Partial<Parameters<typeof startDesktopClient>[1]> = {}) => {
  const c = await startDesktopClient(join(dir, `${name}.db`), {
    url: platform.url,
    token: engineer,
    ...opts,
  });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  platform = await startTestPlatform();
  db = new pg.Pool({ connectionString: platform.databaseUrl });
  teamA = (await api<{ id: string }>('POST', '/v1/teams', { slug: 'team-a', name: 'Team A' })).id;
  teamB = (await api<{ id: string }>('POST', '/v1/teams', { slug: 'team-b', name: 'Team B' })).id;
  engineer = await userToken('engineer', [teamA], 1);
});
afterAll(async () => {
  await db?.end();
  await platform?.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-push-'));
});
afterEach(async () => {
  await platform.start();
  for (const c of clients.splice(0)) await c.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('outbox', () => {
  it('keeps an offline change through a hard kill and sends it exactly once, even when a response is lost', async () => {
    const id = await newService();
    const first = await client('killed');
    await first.connect();
    await first.waitUntil(() => first.service(id));
    await first.close();
    clients.pop();
    await platform.stop();

    // Another process enqueues and is killed with SIGKILL: no close, no WAL checkpoint.
    const file = join(dir, 'killed.db');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'enqueue-child.ts'), file, id, 'Edited offline'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('enqueued') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    // The first push response is dropped after the server committed it: the client must resend.
    let dropped = 0;
    const lossy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).endsWith('/v1/sync/push') && dropped++ === 0)
        throw new TypeError('fetch failed: connection reset');
      return res;
    };
    const reopened = await client('killed', { fetch: lossy });
    expect(reopened.service(id)?.title).toBe('Edited offline'); // the optimistic effect survived too
    expect(reopened.engine.status().pendingChanges).toBe(1);
    expect((await reopened.handlers['outbox:list']({})).map((i) => i.summary)).toEqual([
      'Edit Edited offline: title',
    ]);

    await reopened.connect();
    await platform.start();
    await reopened.settled();
    expect(dropped).toBeGreaterThanOrEqual(2);
    expect((await serverService(id)).title).toBe('Edited offline');
    expect(await serviceUpdates(id)).toBe(1);
    expect(reopened.service(id)?.title).toBe('Edited offline');
    expect(await reopened.handlers['outbox:list']({})).toEqual([]);
  });

  it('numbers mutations strictly increasing, never reusing an id after rows are gone', async () => {
    const id = await newService();
    const c = await client('ids');
    const a = await c.handlers['services:update']({ id, patch: { tier: 2 } });
    const b = await c.handlers['services:update']({ id, patch: { tier: 1 } });
    expect(b.mutationId).toBe(a.mutationId + 1);
    c.db.prepare('DELETE FROM outbox').run();
    const d = await c.handlers['services:update']({ id, patch: { tier: 3 } });
    expect(d.mutationId).toBe(b.mutationId + 1);
  });
});

describe('rebase', () => {
  // service.update with a 1 s max age on this client, and the change made 10 s ago: it waits for
  // confirmation (never sent) while pulls go on.
  const expiring: LocalModel = {
    ...backendFeatures.model,
    mutators: localMutatorRegistry(
      [...backendFeatures.model.mutators.values()].map((m) =>
        m.name === 'service.update' ? { ...m, maxAgeMs: 1_000 } : m,
      ),
    ),
  };

  it('keeps the optimistic value through pulls, then shows the server truth once applied', async () => {
    const id = await newService();
    const c = await client('rebase', { model: expiring });
    await c.connect();
    await c.waitUntil(() => c.service(id));
    const made = new Date(Date.now() - 10_000);
    const { handlers } = createCatalogHandlers(
      createBackendContext({
        db: c.db,
        model: expiring,
        platform: { client: () => null },
        emit: () => undefined,
        onLocalChange: () => c.engine.localChange(),
        log: () => undefined,
        now: () => made,
      }),
    );
    const { mutationId } = await handlers['services:update']({ id, patch: { title: 'Mine' } });
    expect(c.service(id)?.title).toBe('Mine');
    const waiting = await c.waitUntil(() =>
      c.handlers['outbox:list']({}).find((i) => i.status === 'needs_confirmation'),
    );
    expect(waiting).toMatchObject({ mutationId, reason: { code: 'expired' } });

    // The server changes another field of the same row, and another row: both pulled.
    const unrelated = await newService();
    await api('PATCH', `/v1/services/${id}`, { description: 'server side' });
    const seen = await c.waitUntil(
      () => c.service(id)?.description === 'server side' && c.service(unrelated),
    );
    expect(seen).toBeTruthy();
    expect(c.service(id)?.title).toBe('Mine'); // no flicker back to 'Original'
    expect(c.engine.status().pendingChanges).toBe(1);

    // Confirmed: sent with the same idempotency key under a new id, applied, then server truth.
    const before = c.db.prepare('SELECT idempotency_key FROM outbox WHERE mutation_id = ?').get(mutationId);
    const confirmed = await c.handlers['outbox:confirm']({ mutationId });
    expect(confirmed.mutationId).toBeGreaterThan(mutationId);
    expect(
      c.db.prepare('SELECT idempotency_key FROM outbox WHERE mutation_id = ?').get(confirmed.mutationId),
    ).toEqual(before);
    await c.settled();
    expect((await serverService(id)).title).toBe('Mine');
    expect(c.service(id)).toMatchObject({ title: 'Mine', description: 'server side' });
    expect(c.db.prepare('SELECT count(*) AS n FROM shadow').get()).toEqual({ n: 0 });
  });

  it('drops a rejected change and shows why; a discarded one disappears too', async () => {
    const id = await newService(teamB); // not this engineer's team → forbidden
    const c = await client('rejected');
    await c.connect();
    await c.waitUntil(() => c.service(id));
    await c.handlers['services:update']({ id, patch: { title: 'Not allowed' } });
    expect(c.service(id)?.title).toBe('Not allowed');
    const rejected = await c.waitUntil(() =>
      c.handlers['outbox:list']({}).find((i) => i.status === 'rejected'),
    );
    expect(rejected.reason?.code).toBe('forbidden');
    expect(c.service(id)?.title).toBe('Original');
    expect(c.engine.status().pendingChanges).toBe(0);
    await c.handlers['outbox:discard']({ mutationId: rejected.mutationId });
    expect(await c.handlers['outbox:list']({})).toEqual([]);

    // A change waiting for confirmation, discarded: its local effect is undone at once.
    const own = await newService();
    const waiting = await client('discard', { model: expiring, token: engineer });
    await waiting.connect();
    await waiting.waitUntil(() => waiting.service(own));
    await platform.stop();
    const old = (await import('../../../electron/backend/outbox/enqueue')).enqueue(
      waiting.db,
      expiring,
      'service.update',
      { id: own, patch: { title: 'Never sent' } },
      new Date(Date.now() - 10_000),
    );
    expect(waiting.service(own)?.title).toBe('Never sent');
    waiting.engine.localChange();
    await waiting.waitUntil(() => waiting.handlers['outbox:list']({})[0]?.status === 'needs_confirmation');
    await waiting.handlers['outbox:discard']({ mutationId: old.entry.mutationId });
    expect(waiting.service(own)?.title).toBe('Original');
    expect(waiting.engine.status().pendingChanges).toBe(0);
  });
});

describe('two clients offline', () => {
  it('keeps both edits of different fields, and the last arrival of the same field, converging', async () => {
    const id = await newService();
    const a = await client('a');
    const b = await client('b', { token: engineer });
    for (const c of [a, b]) {
      await c.connect();
      await c.waitUntil(() => c.service(id));
    }
    await platform.stop();
    await a.handlers['services:update']({ id, patch: { title: 'Title from A' } });
    await b.handlers['services:update']({ id, patch: { description: 'Description from B' } });
    await a.handlers['services:update']({ id, patch: { tier: 1 } });
    await b.handlers['services:update']({ id, patch: { tier: 4 } });
    // B stays away until A is done, so its retry timer cannot reach the restarted platform first.
    await b.engine.detach();
    await platform.start();
    // A reaches the platform first, then B: B's tier arrives last and wins.
    await a.engine.syncNow();
    await a.settled();
    await b.connect();
    await b.settled();
    const server = await serverService(id);
    expect(server).toMatchObject({ title: 'Title from A', description: 'Description from B', tier: 4 });
    for (const c of [a, b]) {
      const converged = await c.waitUntil(() => {
        const s = c.service(id);
        return s && s.title === server.title && s.description === server.description && s.tier === 4 && s;
      });
      expect(converged).toBeTruthy();
    }
  });
});
