import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/host/backend-types';
import { createBackend } from '../../../electron/backend/create-backend';
import { createKeyFileVault } from '../../../electron/backend/settings/key-file-vault';
import { updateService } from '../../../server/features/catalog/store';
import { withTransaction } from '../../../server/db/transaction';
import { listOf, Team } from '../../../shared/api/directory';
import { Service } from '../../../shared/features/catalog/api';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { invoke, waitForCache, waitForStatus } from '../backend-harness';

let platform: TestPlatform;
let dataDir: string;
let backend: Backend;
const logLines: string[] = [];

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${platform.adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}
const services = async () => listOf(Service).parse(await api('GET', '/v1/services')).items;

beforeAll(async () => {
  platform = await startTestPlatform({ seed: 'demo' });
  dataDir = mkdtempSync(join(tmpdir(), 'pave-backend-'));
  backend = await createBackend(
    {
      dataDir,
      platform: { url: platform.url, token: platform.adminToken },
      vault: createKeyFileVault(dataDir),
      log: (line) => logLines.push(line),
    },
    // Short backoff so "platform back" is noticed quickly; periodic pulls off (pokes and retries drive it).
    { sync: { backoff: { initialMs: 50, maxMs: 300 }, periodicPullMs: 600_000 } },
  );
});

afterAll(async () => {
  await backend?.close();
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('desktop backend against the real platform', () => {
  it('syncs the demo catalog on start', async () => {
    const status = await waitForStatus(backend, (s) => s.state === 'online');
    expect(status.lastSyncedAt).not.toBeNull();
    const expected = await services();
    expect(expected.length).toBeGreaterThan(10);
    const page = await invoke(backend, 'catalog:list', {});
    expect(page.totalAll).toBe(expected.length);
    expect(page.rows.map((r) => r.id).sort()).toEqual(expected.map((s) => s.id).sort());
    const teams = listOf(Team).parse(await api('GET', '/v1/teams')).items;
    expect((await invoke(backend, 'teams:list', {})).map((t) => t.id).sort()).toEqual(
      teams.map((t) => t.id).sort(),
    );
    const detail = await invoke(backend, 'catalog:get', { id: expected[0]!.id });
    expect(detail).toMatchObject({ id: expected[0]!.id, title: expected[0]!.title });
    expect(detail?.ownerTeam?.id).toBe(expected[0]!.ownerTeamId);
    expect(detail?.environments.length).toBeGreaterThan(0);
    expect((await invoke(backend, 'settings:get', {})).mode).toBe('remote');
  });

  it('picks up a server-side edit through the live poke', async () => {
    const [target] = await services();
    await api('PATCH', `/v1/services/${target!.id}`, { title: 'Renamed Live', tags: ['zyzzyva'] });
    const found = await waitForCache(backend, async () => {
      const page = await invoke(backend, 'catalog:list', { search: 'zyzz' });
      return page.rows[0]?.title === 'Renamed Live' ? page : undefined;
    });
    expect(found.rows.map((r) => r.id)).toEqual([target!.id]);
  });

  it('removes a service deleted on the server', async () => {
    const [, victim] = await services();
    await api('DELETE', `/v1/services/${victim!.id}`);
    await waitForCache(backend, async () =>
      (await invoke(backend, 'catalog:get', { id: victim!.id })) === null ? true : undefined,
    );
    expect((await invoke(backend, 'catalog:list', {})).totalAll).toBe((await services()).length);
  });

  it('rebuilds the cache after 409 resync_required and keeps the outbox', async () => {
    // A second connection writes a pending mutation, as the next issue's outbox will.
    const side = new BetterSqlite3(join(dataDir, 'cache.db'));
    side.pragma('busy_timeout = 5000');
    side
      .prepare(
        `INSERT INTO outbox (client_id, mutation_id, name, args, idempotency_key, created_at)
         VALUES ('test', 1, 'service.deploy', '{}', 'resync-test-1', ?)`,
      )
      .run(new Date().toISOString());
    side.close();

    const db = new pg.Client({ connectionString: platform.databaseUrl });
    await db.connect();
    await db.query('UPDATE server_meta SET epoch = gen_random_uuid()::text');
    await db.end();

    const status = await invoke(backend, 'sync:now', {});
    expect(status).toMatchObject({ state: 'online', pendingChanges: 1, lastError: null });
    expect(logLines.some((l) => l.includes('rebuilding the cache'))).toBe(true);
    expect((await invoke(backend, 'catalog:list', {})).totalAll).toBe((await services()).length);
  });

  it('serves the cache while the platform is down and catches up when it is back', async () => {
    await platform.stop();
    const offline = await invoke(backend, 'sync:now', {});
    expect(offline.state).toBe('offline');
    expect(offline.lastError?.code).toBe('platform_unreachable');
    expect(offline.nextRetryAt).not.toBeNull();
    const cached = await invoke(backend, 'catalog:list', { search: 'renamed live' });
    expect(cached.total).toBe(1);

    // Meanwhile another platform instance (same database) records a change.
    const pool = new pg.Pool({ connectionString: platform.databaseUrl, max: 1 });
    const target = cached.rows[0]!;
    await withTransaction(pool, (tx) =>
      updateService(tx, null, target.id, { title: 'Changed While Away' } as Parameters<
        typeof updateService
      >[3]),
    );
    await pool.end();

    await platform.start();
    await waitForCache(backend, async () =>
      (await invoke(backend, 'catalog:get', { id: target.id }))?.title === 'Changed While Away'
        ? true
        : undefined,
    );
    const status = await waitForStatus(backend, (s) => s.state === 'online');
    expect(status.lastError).toBeNull();
  });
});
