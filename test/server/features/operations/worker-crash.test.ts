import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../../../server/db/transaction';
import { ExecutorRegistry } from '../../../../server/features/operations/executor-registry';
import { listOperationEvents } from '../../../../server/features/operations/operation-events';
import { createOperation, getOperation } from '../../../../server/features/operations/store';
import { startOperationWorker, WORKER_LOST_REASON } from '../../../../server/features/operations/worker';
import { processSecretStore } from '../../../../server/features/secrets/process-secrets';
import { startOperationsPlatform, type OperationsPlatform } from './operations-harness';
import { waitFor } from '../../../harness/wait-for';

let platform: OperationsPlatform;
beforeAll(async () => {
  // No worker in the app: only the child process and the replacement worker below run jobs.
  platform = await startOperationsPlatform({ operationsWorker: false });
  await platform.pool.query('CREATE TABLE side_effects (operation_id text NOT NULL)');
});
afterAll(async () => platform?.close());

const admin = { userId: 'admin', role: 'admin' as const, tokenId: 'test', teamIds: [] };

it('fails a job whose worker died mid-run, and never runs its side effect again', async () => {
  const { operation } = await withTransaction(platform.pool, (tx) =>
    createOperation(tx, admin, {
      kind: 'service.create',
      serviceId: null,
      environment: null,
      input: {},
      idempotencyKey: 'crash-1',
    }),
  );
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/server/features/operations/crashing-worker.ts', platform.databaseUrl],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(`side effect done ${operation.id}`)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;

  // A healthy worker that WOULD repeat the side effect if it re-ran the job.
  const executors = new ExecutorRegistry();
  executors.registerExecutor('service.create', {
    async run(ctx) {
      await ctx.pool.query('INSERT INTO side_effects (operation_id) VALUES ($1)', [ctx.operation.id]);
    },
  });
  const worker = startOperationWorker({
    pool: platform.pool,
    executors,
    secrets: processSecretStore(),
    leaseMs: 600,
    pollMs: 100,
  });
  try {
    const failed = await waitFor(async () => {
      const current = await getOperation(platform.pool, operation.id);
      return current.status === 'failed' ? current : null;
    });
    expect(failed.error).toEqual({ code: 'worker_lost', message: WORKER_LOST_REASON });
    const effects = await platform.pool.query('SELECT * FROM side_effects WHERE operation_id = $1', [
      operation.id,
    ]);
    expect(effects.rowCount).toBe(1);
    const events = await listOperationEvents(platform.pool, operation.id, 0);
    expect(events.map((event) => event.status ?? event.message)).toEqual([
      'queued',
      'running',
      'side effect done',
      'failed',
    ]);
    // The same idempotency key still names that one operation.
    const again = await withTransaction(platform.pool, (tx) =>
      createOperation(tx, admin, {
        kind: 'service.create',
        serviceId: null,
        environment: null,
        input: {},
        idempotencyKey: 'crash-1',
      }),
    );
    expect(again).toMatchObject({ created: false, operation: { id: operation.id } });
  } finally {
    await worker.stop();
  }
});
