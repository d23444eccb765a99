import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPipelinesHandlers } from '../../../../electron/backend/features/pipelines/handlers';
import { createPlatformClient } from '../../../../electron/backend/platform/platform-client';
import { Operation } from '../../../../shared/features/operations/api';
import type { PipelineRun } from '../../../../shared/features/pipelines/api';
import { commitFiles } from '../../../../server/features/self-service/repositories/git-repository';
import { startDesktopClient } from '../../desktop-client';
import { featureContext } from '../../feature-context';
import { apiClient } from '../../../server/api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { author, createTemplateService, paveYaml } from '../../../server/features/pipelines/pipeline-support';

let platform: TestPlatform;
let dir: string;
let service: Awaited<ReturnType<typeof createTemplateService>>;

beforeAll(async () => {
  platform = await startTestPlatform({ selfService: { healthIntervalMs: 100, healthTimeoutMs: 8000 } });
  dir = mkdtempSync(join(tmpdir(), 'pave-pipelines-'));
  const admin = apiClient(platform.url, platform.adminToken);
  const team = (await admin('POST', '/v1/teams', { slug: 'ledger', name: 'Ledger' })).body as { id: string };
  service = await createTemplateService(admin, platform, team.id, 'ledger-api');
  // A run that stays in its test step until cancelled.
  await commitFiles(
    service.bareRepo,
    new Map([['pave.yaml', paveYaml([{ name: 'test', run: 'echo waiting; sleep 600' }])]]),
    author,
    'A slow test',
  );
}, 120_000);

afterAll(async () => {
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('Run pipeline offline is queued, sent once, synced back as a run, and cancelled online', async () => {
  const client = await startDesktopClient(join(dir, 'cache.db'), {
    url: platform.url,
    token: platform.adminToken,
  });
  const online = createPlatformClient({ url: platform.url, token: platform.adminToken, timeoutMs: 5000 });
  let connected = false;
  const ctx = featureContext(client.db, {
    onLocalChange: () => client.engine.localChange(),
    client: () => (connected ? online : null),
  });
  const h = createPipelinesHandlers(ctx).handlers;
  const runs = () => h['pipelines:list']({ serviceId: service.serviceId });
  try {
    // Offline: the request waits in the outbox and shows as a queued placeholder operation.
    expect(runs()).toEqual({ runs: [], pendingRequests: 0 });
    const enqueued = h['pipelines:run']({ serviceId: service.serviceId });
    expect(enqueued.mutationId).toBeGreaterThan(0);
    expect(runs().pendingRequests).toBe(1);
    const placeholders = client.db.prepare("SELECT data FROM operations WHERE id LIKE 'local-%'").all() as {
      data: string;
    }[];
    expect(placeholders.map((row) => Operation.parse(JSON.parse(row.data)))).toMatchObject([
      { kind: 'pipeline.run', serviceId: service.serviceId, status: 'queued' },
    ]);
    await expect(
      Promise.resolve().then(() => h['pipelines:cancel']({ operationId: 'anything' })),
    ).rejects.toMatchObject({ code: 'offline' });

    await client.connect();
    connected = true;
    await client.settled();
    const running = await client.waitUntil(() => {
      const run = runs().runs[0];
      return run?.steps.some((s) => s.name === 'test' && s.status === 'running') ? run : undefined;
    });
    expect(runs().pendingRequests).toBe(0);
    expect(running).toMatchObject({ serviceId: service.serviceId, number: 1, commitMessage: 'A slow test' });
    const onServer = await apiClient(platform.url, platform.adminToken)(
      'GET',
      `/v1/services/${service.serviceId}/pipeline-runs`,
    );
    expect((onServer.body as { items: PipelineRun[] }).items).toHaveLength(1);

    const cancelled = await h['pipelines:cancel']({ operationId: running.operationId });
    expect(cancelled).toMatchObject({ id: running.operationId, status: 'cancelled' });
    const ended = await client.waitUntil(() => {
      const run = runs().runs[0];
      return run?.status === 'cancelled' ? run : undefined;
    });
    expect(ended.steps.find((s) => s.name === 'test')?.status).toBe('cancelled');
  } finally {
    await client.close();
  }
}, 120_000);
