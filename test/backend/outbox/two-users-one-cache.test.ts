import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/create-backend';
import type { Backend } from '../../../electron/backend/host/backend-types';
import { createKeyFileVault } from '../../../electron/backend/settings/key-file-vault';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { waitFor } from '../../harness/wait-for';
import { invoke, waitForOnline } from '../backend-harness';

/**
 * Issue 13, finding 10: the platform binds a client id to the first user who pushes with it; a
 * second user signing in on the same cache used to be refused with 403 on every push.
 */
let platform: TestPlatform;
let db: pg.Pool;
let dataDir: string;
let backend: Backend;
const logLines: string[] = [];

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
async function engineer(n: number, teamId: string): Promise<{ id: string; token: string }> {
  const user = await api<{ id: string }>('POST', '/v1/users', {
    name: `Engineer ${n}`,
    email: `e${n}@example.test`,
    role: 'engineer',
    teamIds: [teamId],
  });
  const { token } = await api<{ token: string }>('POST', `/v1/users/${user.id}/tokens`, { name: 'desktop' });
  return { id: user.id, token };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  db = new pg.Pool({ connectionString: platform.databaseUrl, max: 2 });
  dataDir = mkdtempSync(join(tmpdir(), 'pave-two-users-'));
});
afterAll(async () => {
  await backend?.close();
  await db?.end();
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const title = async (id: string) => (await api<{ title: string }>('GET', `/v1/services/${id}`)).title;
const clientOwners = async () =>
  (await db.query<{ user_id: string }>('SELECT user_id FROM client_state ORDER BY user_id')).rows.map(
    (r) => r.user_id,
  );

describe('two users on one desktop cache', () => {
  it('each push under a client id of their own, and both are applied', async () => {
    const team = await api<{ id: string }>('POST', '/v1/teams', { slug: 'shared-desk', name: 'Shared desk' });
    const service = await api<{ id: string }>('POST', '/v1/services', {
      name: 'shared-svc',
      title: 'Original',
      ownerTeamId: team.id,
    });
    const alice = await engineer(1, team.id);
    const bob = await engineer(2, team.id);

    backend = await createBackend(
      {
        dataDir,
        vault: createKeyFileVault(dataDir),
        log: (line) => logLines.push(line),
        platform: { url: platform.url, token: alice.token },
      },
      { sync: { backoff: { initialMs: 50, maxMs: 300 }, periodicPullMs: 600_000 } },
    );
    await waitForOnline(backend, logLines);
    await waitFor(async () => (await invoke(backend, 'settings:get', {})).user?.id === alice.id);
    await waitFor(async () => (await invoke(backend, 'catalog:get', { id: service.id })) !== null);
    await invoke(backend, 'services:update', { id: service.id, patch: { title: 'By Alice' } });
    await waitFor(async () => (await title(service.id)) === 'By Alice', { what: "Alice's change applied" });

    // Bob signs in on the same cache and edits.
    await invoke(backend, 'settings:setPlatform', { url: platform.url, token: bob.token });
    await waitForOnline(backend, logLines);
    await invoke(backend, 'services:update', { id: service.id, patch: { title: 'By Bob' } });
    await waitFor(async () => (await title(service.id)) === 'By Bob', {
      what: "Bob's change applied (it used to be refused: client id belongs to another user)",
    });
    expect(logLines.filter((line) => line.includes('belongs to another user'))).toEqual([]);
    expect(await clientOwners()).toEqual([alice.id, bob.id].sort());
    expect(await invoke(backend, 'outbox:list', {})).toEqual([]);
  });
});
