/**
 * A worker process for the crash test: runs `service.create` jobs with an executor that performs
 * its side effect, says so on stdout, then hangs until the test SIGKILLs this process.
 */
import { createPool } from '../../../../server/db/pool';
import { ExecutorRegistry } from '../../../../server/features/operations/executor-registry';
import { startOperationWorker } from '../../../../server/features/operations/worker';
import { processSecretStore } from '../../../../server/features/secrets/process-secrets';

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: crashing-worker.ts DATABASE_URL');
const pool = createPool(databaseUrl);
const executors = new ExecutorRegistry();
executors.registerExecutor('service.create', {
  async run(ctx) {
    await ctx.pool.query('INSERT INTO side_effects (operation_id) VALUES ($1)', [ctx.operation.id]);
    await ctx.log('side effect done');
    process.stdout.write(`side effect done ${ctx.operation.id}\n`);
    await new Promise(() => undefined);
  },
});
startOperationWorker({ pool, executors, secrets: processSecretStore(), leaseMs: 600, pollMs: 100 });
