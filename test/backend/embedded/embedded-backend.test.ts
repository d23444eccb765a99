import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/host/backend-types';
import { createBackend } from '../../../electron/backend/create-backend';
import { createKeyFileVault } from '../../../electron/backend/settings/key-file-vault';
import type { SyncStatus } from '../../../shared/ipc/contract';
import { invoke, waitForOnline, waitForStatus } from '../backend-harness';

const dataDir = mkdtempSync(join(tmpdir(), 'pave-embedded-'));
const logLines: string[] = [];
let backend: Backend | null = null;

afterAll(async () => {
  await backend?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded default', () => {
  it('starts the reference platform as a child process and syncs the demo catalog', async () => {
    const statuses: SyncStatus[] = [];
    const started = Date.now();
    backend = await createBackend({
      dataDir,
      vault: createKeyFileVault(dataDir),
      log: (l) => logLines.push(l),
    });
    backend.on('sync:status', (s) => statuses.push(s));
    // createBackend returns before the platform is up: the cache is readable at once.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await invoke(backend, 'settings:get', {})).platformUrl).toBeNull();
    expect((await invoke(backend, 'catalog:list', {})).totalAll).toBe(0);

    const online = await waitForStatus(backend, (s) => s.state === 'online' || s.state === 'offline');
    expect(online, logLines.slice(-20).join('\n')).toMatchObject({ state: 'online', lastError: null });
    expect(statuses.map((s) => s.state)).toContain('syncing');

    const settings = await invoke(backend, 'settings:get', {});
    expect(settings.mode).toBe('embedded');
    expect(settings.platformUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(settings.org?.isDemo).toBe(true);
    expect(settings.user?.role).toBe('admin');
    const page = await invoke(backend, 'catalog:list', {});
    expect(page.totalAll).toBeGreaterThan(10);
    expect(page.facets.teams.length).toBeGreaterThan(3);
    expect(logLines.some((l) => l.startsWith('[platform] Pave platform listening on'))).toBe(true);

    // A crashed platform is relaunched (the server writes its pid to DATADIR/platform/server.pid).
    const pid = Number(readFileSync(join(dataDir, 'platform', 'server.pid'), 'utf8').trim());
    const restarting = waitForStatus(backend, (s) => s.state === 'starting');
    process.kill(pid, 'SIGKILL');
    await restarting;
    await waitForOnline(backend, logLines);
    expect(logLines.some((l) => l.includes('stopped unexpectedly'))).toBe(true);
    expect((await invoke(backend, 'catalog:list', {})).totalAll).toBe(page.totalAll);

    // close() stops the child: its URL stops answering.
    const url = (await invoke(backend, 'settings:get', {})).platformUrl!;
    await backend.close();
    backend = null;
    await expect(fetch(`${url}/v1/health`)).rejects.toThrow();
  }, 180_000);
});
