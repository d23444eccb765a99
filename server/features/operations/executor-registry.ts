import type { Pool } from 'pg';
import type { Operation, OperationKind } from '../../../shared/features/operations/api';
import type { Tx } from '../../db/transaction';
import type { SecretStore } from '../secrets/public';

/** What a running job may do; everything it reports is persisted and streamed to clients. */
export interface ExecutorContext {
  operation: Operation;
  pool: Pool;
  /** Aborted when the worker loses the job's lease or the server shuts down: stop and throw. */
  signal: AbortSignal;
  secrets: SecretStore;
  log(message: string, level?: 'info' | 'warn' | 'error'): Promise<void>;
  progress(fraction: number, step?: string): Promise<void>;
  /** Registers a secret value (e.g. a generated password) to be scrubbed from later logs and errors. */
  redact(value: string): void;
}

export interface Executor {
  /** Does the real work; the returned object becomes the operation's result (no secret values!). */
  run(ctx: ExecutorContext, input: Record<string, unknown>): Promise<Record<string, unknown> | void>;
  /**
   * Bookkeeping in the transaction that moves the operation to its final status, whatever ended it
   * (success, failure, cancel while queued, or the sweeper after a worker died), e.g. marking the
   * resource the job was creating as ready or failed.
   */
  settle?(tx: Tx, operation: Operation): Promise<void>;
  /**
   * The job may be cancelled while it runs, not only while queued: the cancel ends the operation
   * and settles it at once, and the executor, which watches its operation (`app.operations.events`;
   * the worker's heartbeat also aborts `ctx.signal` soon after), stops its work.
   */
  cancelsWhileRunning?: boolean;
}

/** An error whose code reaches the client as the operation's error code. */
export class ExecutorError extends Error {
  override name = 'ExecutorError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Executors by operation kind; one registry per server app, filled before the worker starts. */
export class ExecutorRegistry {
  private readonly executors = new Map<OperationKind, Executor>();

  registerExecutor(kind: OperationKind, executor: Executor): void {
    if (this.executors.has(kind)) throw new Error(`an executor for ${kind} is already registered`);
    this.executors.set(kind, executor);
  }

  get(kind: OperationKind): Executor | undefined {
    return this.executors.get(kind);
  }

  kinds(): OperationKind[] {
    return [...this.executors.keys()];
  }
}
