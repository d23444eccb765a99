import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/backend/host/backend-types';
import { apiClient } from '../../../server/api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { createAdminBackend, invoke, waitForOnline } from '../../backend-harness';

let platform: TestPlatform;
let backend: Backend;
const dataDir = mkdtempSync(join(tmpdir(), 'pave-metrics-desktop-'));
const logLines: string[] = [];

const january = {
  preset: 'custom',
  from: '2025-01-01T00:00:00.000Z',
  to: '2025-02-01T00:00:00.000Z',
} as const;
const sha = 'a'.repeat(40);
const deploymentsCsv = [
  'service,environment,commit_sha,commit_time,deploy_time,status',
  `legacy,production,${sha},2025-01-06T10:00:00Z,2025-01-07T10:00:00Z,success`,
  `no-such-service,production,${sha},2025-01-06T10:00:00Z,2025-01-07T10:00:00Z,success`,
].join('\n');

beforeAll(async () => {
  platform = await startTestPlatform({ seed: 'none' });
  const admin = apiClient(platform.url, platform.adminToken);
  const team = (await admin('POST', '/v1/teams', { slug: 'core', name: 'Core' })).body as { id: string };
  const legacy = await admin('POST', '/v1/services', {
    name: 'legacy',
    title: 'Legacy',
    ownerTeamId: team.id,
  });
  expect(legacy.status, JSON.stringify(legacy.body)).toBe(201);
  backend = await createAdminBackend(dataDir, platform, logLines);
  await waitForOnline(backend, logLines);
}, 90_000);

afterAll(async () => {
  await backend?.close();
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('metrics on the desktop', () => {
  it('imports history through the platform: dry run, refused rows, partial apply, idempotent', async () => {
    const input = { kind: 'deployments', format: 'csv', text: deploymentsCsv } as const;
    const dry = await invoke(backend, 'metrics:import', { ...input, dryRun: true });
    expect(dry).toMatchObject({ kind: 'deployments', accepted: 1, applied: false });
    expect(dry.refused).toHaveLength(1);
    expect(dry.refused[0]?.row).toBe(2);
    expect(dry.refused[0]?.reason).toMatch(/no-such-service/);

    // A file with a refused row changes nothing unless the lead asks for the good rows.
    const whole = await invoke(backend, 'metrics:import', { ...input, dryRun: false });
    expect(whole.applied).toBe(false);
    const partial = await invoke(backend, 'metrics:import', { ...input, dryRun: false, partial: true });
    expect(partial).toMatchObject({ accepted: 1, duplicates: 0, applied: true });
    const again = await invoke(backend, 'metrics:import', { ...input, dryRun: false, partial: true });
    expect(again).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('reads a report from the platform, with the imported deploy in it', async () => {
    const got = await invoke(backend, 'metrics:get', { scope: { kind: 'org' }, range: january });
    expect(got.fromCache).toBe(false);
    expect(got.report.scope).toEqual({ kind: 'org' });
    expect(got.report.range).toEqual({ from: january.from, to: january.to });
    expect(got.report.dora.deployments).toBe(1);
    expect(got.report.dora.leadTimeMedianSeconds).toBe(86_400);
  });

  it('saves the settings (announcing that kept reports are stale) and reads them back', async () => {
    const { settings } = await invoke(backend, 'metrics:settings:get', {});
    const changed = new Promise<string[]>((resolve) => {
      const off = backend.on('tables:changed', ({ tables }) => {
        off();
        resolve(tables);
      });
    });
    const next = { ...settings, roi: { ...settings.roi, hourlyRateUsd: settings.roi.hourlyRateUsd + 25 } };
    const saved = await invoke(backend, 'metrics:settings:set', next);
    expect(saved.roi.hourlyRateUsd).toBe(next.roi.hourlyRateUsd);
    expect(await changed).toContain('metrics_reports');
    const read = await invoke(backend, 'metrics:settings:get', {});
    expect(read).toMatchObject({ settings: saved, fromCache: false });
  });

  it('offline, answers the last report kept for the same question, as of when it was fetched', async () => {
    const question = { scope: { kind: 'org' }, range: { preset: 'last90' } } as const;
    const online = await invoke(backend, 'metrics:get', question);
    const settings = await invoke(backend, 'metrics:settings:get', {});
    await platform.stop();
    try {
      const offline = await invoke(backend, 'metrics:get', question);
      expect(offline).toEqual({ ...online, fromCache: true });
      expect(await invoke(backend, 'metrics:settings:get', {})).toEqual({ ...settings, fromCache: true });

      // Another question was never asked online: nothing to show, and it says why.
      const never = await backend.dispatch('metrics:get', {
        scope: { kind: 'org' },
        range: { preset: 'quarter' },
      });
      expect(never.ok).toBe(false);
      if (!never.ok) {
        expect(never.error.code).toBe('offline');
        expect(never.error.message).toMatch(/need the platform once/);
      }
      // Changes are online only, with a clear error and nothing half done.
      const save = await backend.dispatch('metrics:settings:set', settings.settings);
      expect(save.ok ? 'saved' : save.error.code).toBe('offline');
      const imported = await backend.dispatch('metrics:import', {
        kind: 'deployments',
        format: 'csv',
        text: deploymentsCsv,
        dryRun: true,
      });
      expect(imported.ok ? 'imported' : imported.error.message).toMatch(/needs the platform/);
    } finally {
      await platform.start();
    }
  });

  it('refuses bad input before it reaches the platform', async () => {
    const backwards = await backend.dispatch('metrics:get', {
      scope: { kind: 'org' },
      range: { preset: 'custom', from: january.to, to: january.from },
    });
    expect(backwards.ok).toBe(false);
    const empty = await backend.dispatch('metrics:import', {
      kind: 'incidents',
      format: 'csv',
      text: '',
      dryRun: true,
    });
    expect(empty.ok ? 'ok' : empty.error.code).toBe('invalid_input');
  });
});
