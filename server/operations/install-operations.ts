import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { processSecretStore } from '../secrets/process-secrets';
import type { ExecutorRegistry } from './executors';
import { startOperationEventsHub } from './operation-events-hub';
import { operationRoutes } from './operation-routes';
import { startOperationWorker, type OperationWorker, type WorkerOptions } from './worker';

export interface OperationsOptions {
  pool: Pool;
  executors: ExecutorRegistry;
  /** The app's open SSE streams, ended before close (see app.ts). */
  streams: Set<() => void>;
  /** Worker tuning; false = this process serves the API but runs no jobs. */
  worker?: Pick<WorkerOptions, 'concurrency' | 'leaseMs' | 'pollMs' | 'drainMs'> | false;
}

/**
 * Operations in this server process: REST + SSE routes, and a worker that starts once the app is
 * ready (every executor registered by then) and drains before the pool closes.
 */
export function installOperations(app: FastifyInstance, options: OperationsOptions): void {
  const { pool, executors, streams } = options;
  const onError = (error: unknown) => app.log.warn({ err: error }, 'operations');
  const hub = startOperationEventsHub(pool, onError);
  let worker: OperationWorker | null = null;
  app.addHook('onReady', async () => {
    await hub.ready;
    if (options.worker === false) return;
    worker = startOperationWorker({
      pool,
      executors,
      secrets: processSecretStore(),
      onError,
      ...options.worker,
    });
    await worker.ready;
  });
  app.addHook('onClose', async () => {
    await worker?.stop();
    await hub.close();
  });
  void app.register(operationRoutes, { pool, executors, hub, streams });
}
