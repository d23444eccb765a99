import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPool } from '../../../../server/db/pool';
import { ExecutorRegistry } from '../../../../server/features/operations/executor-registry';
import { startOperationEventsHub } from '../../../../server/features/operations/operation-events-hub';
import { startOperationWorker } from '../../../../server/features/operations/worker';
import { pipelineExecutor } from '../../../../server/features/pipelines/pipeline-executor';
import { DEFAULT_OUTPUT_CAP } from '../../../../server/features/pipelines/step-process';
import { processSecretStore } from '../../../../server/features/secrets/process-secrets';
import { commitFiles } from '../../../../server/features/self-service/repositories/git-repository';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { waitFor } from '../../../harness/wait-for';
import {
  author,
  createTemplateService,
  paveYaml,
  runProcesses,
  startRun,
  waitForRun,
  waitForRunningStep,
} from './pipeline-support';

let platform: TestPlatform;
beforeAll(async () => {
  // No worker here: the crashing process runs the jobs, then the replacement worker below.
  platform = await startTestPlatform({ operationsWorker: false });
});
afterAll(async () => platform?.close());

it('a run whose platform process was killed mid-step ends failed, and what its step left running is killed', async () => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/server/features/pipelines/crashing-platform.ts',
      platform.databaseUrl,
      platform.dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const pool = createPool(platform.databaseUrl);
  const hub = startOperationEventsHub(pool, () => undefined);
  let worker: ReturnType<typeof startOperationWorker> | null = null;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /listening (\S+)/.exec(chunk.toString());
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`platform exited early (${code})`)));
    });
    const api = apiClient(url, platform.adminToken);
    const team = (await api('POST', '/v1/teams', { slug: 'crash', name: 'Crash' })).body as { id: string };
    const service = await createTemplateService(api, platform, team.id, 'crash-api');
    await commitFiles(
      service.bareRepo,
      new Map([['pave.yaml', paveYaml([{ name: 'test', run: 'sleep 600' }])]]),
      author,
      'A slow test',
    );
    const { runId } = await startRun(api, service.serviceId);
    await waitForRunningStep(api, runId, 'test');
    await waitFor(async () => (await runProcesses(runId)).length > 0, { what: 'the step process started' });

    child.kill('SIGKILL');
    await exited;
    // The step was in its own process group: the crash left it running.
    expect((await runProcesses(runId)).length).toBeGreaterThan(0);

    const executors = new ExecutorRegistry();
    executors.registerExecutor(
      'pipeline.run',
      pipelineExecutor(
        { pool, dataDir: platform.dataDir, cap: DEFAULT_OUTPUT_CAP, pollMs: 100 },
        { executors, events: hub },
      ),
    );
    worker = startOperationWorker({
      pool,
      executors,
      secrets: processSecretStore(),
      leaseMs: 600,
      pollMs: 100,
    });
    const run = await waitForRun(apiClient(platform.url, platform.adminToken), runId);
    expect(run).toMatchObject({ status: 'failed', failedStep: 'test' });
    expect(run.error).toMatch(/^the platform stopped during the run \(worker stopped while running/);
    expect(run.steps.map((s) => s.status)).toEqual(['succeeded', 'failed', 'skipped']);
    await waitFor(async () => (await runProcesses(runId)).length === 0, { what: 'the leftover step killed' });
    expect(existsSync(join(platform.dataDir, 'pipelines', runId))).toBe(false);
  } finally {
    child.kill('SIGKILL');
    await worker?.stop();
    await hub.close();
    await pool.end();
  }
}, 120_000);
