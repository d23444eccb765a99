import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/host/backend-types';
import { createBackend } from '../../../electron/backend/create-backend';
import { createKeyFileVault } from '../../../electron/backend/settings/key-file-vault';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { invoke, waitForCache, waitForOnline } from '../backend-harness';

let remote: TestPlatform;
const dataDir = mkdtempSync(join(tmpdir(), 'pave-settings-'));
const logLines: string[] = [];
let backend: Backend | null = null;

const open = () =>
  createBackend({ dataDir, vault: createKeyFileVault(dataDir), log: (l) => logLines.push(l) });

async function post(path: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(`${remote.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${remote.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  // An empty platform with one service, so its catalog is told apart from the embedded demo.
  remote = await startTestPlatform({ seed: 'none' });
  const team = await post('/v1/teams', { slug: 'solo', name: 'Solo Team' });
  await post('/v1/services', { name: 'only-remote', title: 'Only Remote', ownerTeamId: team.id });
});

afterAll(async () => {
  await backend?.close();
  await remote?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('switching platforms in settings', () => {
  it('validates, saves sealed, switches, survives a restart, and switches back', async () => {
    backend = await open();
    await waitForOnline(backend, logLines);
    const embedded = await invoke(backend, 'settings:get', {});
    expect(embedded.mode).toBe('embedded');
    expect((await invoke(backend, 'catalog:list', {})).totalAll).toBeGreaterThan(10);

    // A bad token is refused before anything is saved.
    const bad = await backend.dispatch('settings:setPlatform', {
      url: remote.url,
      token: 'not-a-real-token-123',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const unreachable = await backend.dispatch('settings:setPlatform', {
      url: 'http://127.0.0.1:9',
      token: remote.adminToken,
    });
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'platform_unreachable' } });
    if (!unreachable.ok) expect(unreachable.error.message).toContain('Cannot reach');
    expect(await invoke(backend, 'settings:get', {})).toEqual(embedded);
    const invalid = await backend.dispatch('settings:setPlatform', { url: 'ftp://x', token: 'short' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    // A good one switches: the embedded child stops and the cache holds only the remote catalog.
    const switched = await invoke(backend, 'settings:setPlatform', {
      url: remote.url,
      token: remote.adminToken,
    });
    expect(switched).toMatchObject({ mode: 'remote', platformUrl: remote.url });
    expect(switched.org?.isDemo).toBe(false);
    const page = await waitForCache(
      backend,
      async () => {
        const p = await invoke(backend!, 'catalog:list', {});
        return p.totalAll === 1 ? p : undefined;
      },
      logLines,
    );
    expect(page.rows[0]?.name).toBe('only-remote');
    await expect(fetch(`${embedded.platformUrl}/v1/health`)).rejects.toThrow();

    // Saved sealed, never in plain text, and used after a restart.
    await backend.close();
    backend = null;
    const raw = new BetterSqlite3(join(dataDir, 'cache.db'), { readonly: true });
    const stored = JSON.stringify(raw.prepare('SELECT key, value FROM settings').all());
    raw.close();
    expect(stored).toContain(remote.url);
    expect(stored).not.toContain(remote.adminToken);
    expect(logLines.join('\n')).not.toContain(remote.adminToken);

    backend = await open();
    expect(await invoke(backend, 'settings:get', {})).toMatchObject({
      mode: 'remote',
      platformUrl: remote.url,
    });
    expect((await invoke(backend, 'catalog:list', {})).totalAll).toBe(1); // from the cache, at once
    await waitForOnline(backend, logLines);

    // And back to the embedded demo.
    const back = await invoke(backend, 'settings:useEmbedded', {});
    expect(back).toMatchObject({ mode: 'embedded', platformUrl: null });
    await waitForCache(
      backend,
      async () => {
        const p = await invoke(backend!, 'catalog:list', {});
        return p.totalAll > 10 ? true : undefined;
      },
      logLines,
    );
    const final = await invoke(backend, 'settings:get', {});
    expect(final.org?.isDemo).toBe(true);
    expect(final.platformUrl).not.toBeNull();
  }, 240_000);
});
