// The operations feature's public entry (docs/architecture.md, "Operations"): other features add
// executors for their operation kinds to `app.operations.executors` and create operations.
import type { ExecutorRegistry } from './executor-registry';
import type { OperationEventsHub } from './operation-events-hub';
import type { WorkerOptions } from './worker';

export { ExecutorError, ExecutorRegistry, type Executor, type ExecutorContext } from './executor-registry';
export { createOperation } from './store';
export { appendOperationEvent } from './operation-events';

/** This app's operations: one executor registry, filled by the features before the worker starts. */
export interface Operations {
  executors: ExecutorRegistry;
  events: OperationEventsHub;
}

declare module 'fastify' {
  interface FastifyInstance {
    operations: Operations;
  }
}

declare module '../../platform/server-feature' {
  interface PlatformOptions {
    /** Executors by operation kind; the features add theirs (tests may pre-register more). */
    executors?: ExecutorRegistry;
    /** Operations worker tuning; false = serve the API but run no jobs in this process. */
    operationsWorker?: Pick<WorkerOptions, 'concurrency' | 'leaseMs' | 'pollMs' | 'drainMs'> | false;
  }
}
