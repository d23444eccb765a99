import type { FeatureContext } from '../../platform/server-feature';
import { processSecretStore } from '../secrets/public';
import { ExecutorRegistry } from './executor-registry';
import { startOperationEventsHub } from './operation-events-hub';
import type { Operations } from './public';
import { startOperationWorker, type OperationWorker } from './worker';

/**
 * Operations in this server process: the executor registry other features fill (`app.operations`)
 * and a worker that starts once the app is ready (every executor registered by then) and drains
 * before the pool closes.
 */
export function installOperations({ app, pool, options, log }: FeatureContext): void {
  const onError = (error: unknown) => log.warn({ err: error }, 'operations');
  const operations: Operations = {
    executors: options.executors ?? new ExecutorRegistry(),
    events: startOperationEventsHub(pool, onError),
  };
  app.decorate('operations', operations);
  let worker: OperationWorker | null = null;
  app.addHook('onReady', async () => {
    await operations.events.ready;
    if (options.operationsWorker === false) return;
    worker = startOperationWorker({
      pool,
      executors: operations.executors,
      secrets: processSecretStore(),
      onError,
      ...options.operationsWorker,
    });
    await worker.ready;
  });
  app.addHook('onClose', async () => {
    await worker?.stop();
    await operations.events.close();
  });
}
