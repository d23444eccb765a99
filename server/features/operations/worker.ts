import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Operation } from '../../../shared/features/operations/api';
import { withTransaction } from '../../db/transaction';
import type { SecretStore } from '../secrets/public';
import { appendOperationEvent } from './operation-events';
import { toOperation, type OperationRow } from './operation-rows';
import { finishOperation, OPERATIONS_QUEUED_CHANNEL, updateOperationRow } from './store';
import type { ExecutorContext, ExecutorRegistry } from './executor-registry';

export const WORKER_LOST_REASON =
  'worker stopped while running; not retried to avoid running its side effect twice';

export interface WorkerOptions {
  pool: Pool;
  executors: ExecutorRegistry;
  secrets: SecretStore;
  /** Jobs this process runs at once. */
  concurrency?: number;
  /** How long a job stays ours without a heartbeat; a dead worker's jobs are failed after this. */
  leaseMs?: number;
  /** Fallback poll (and sweep) period, for a missed NOTIFY. */
  pollMs?: number;
  /** How long stop() waits for running jobs before aborting them. */
  drainMs?: number;
  onError?: (error: unknown) => void;
}

export interface OperationWorker {
  readonly id: string;
  ready: Promise<void>;
  /** Claims queued jobs now (also happens on NOTIFY and every pollMs). */
  wake(): void;
  stop(): Promise<void>;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

const errorOf = (error: unknown, scrub: (text: string) => string): { code: string; message: string } => {
  const code =
    typeof error === 'object' && error && 'code' in error && typeof error.code === 'string'
      ? error.code
      : 'executor_failed';
  const message = error instanceof Error ? error.message : String(error);
  return { code, message: scrub(message) };
};

/**
 * Runs queued operations in this server process. Jobs are claimed with FOR UPDATE SKIP LOCKED, so
 * any number of processes can share the queue. A running job holds a lease renewed by a heartbeat;
 * when a worker dies its lease expires and any worker's sweeper fails the job — never re-runs it,
 * because its side effect (a database, a deploy) may already have happened.
 */
export function startOperationWorker(options: WorkerOptions): OperationWorker {
  const { pool, executors, secrets } = options;
  const concurrency = options.concurrency ?? 2;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 2_000;
  const drainMs = options.drainMs ?? 10_000;
  const onError = options.onError ?? (() => undefined);
  const id = `worker-${randomUUID()}`;
  const running = new Map<string, Running>();
  let stopped = false;
  let pumping = false;
  let pumpAgain = false;
  let listener: PoolClient | null = null;

  const claim = (): Promise<Operation | null> =>
    withTransaction(pool, async (tx) => {
      const kinds = executors.kinds();
      if (kinds.length === 0) return null;
      const operation = await updateOperationRow(
        tx,
        `UPDATE operations SET status = 'running', lease_owner = $1,
                lease_until = now() + $2 * interval '1 millisecond', started_at = now(), updated_at = now(),
                step = 'starting'
          WHERE id = (SELECT id FROM operations WHERE status = 'queued' AND kind = ANY($3)
                       ORDER BY created_at, id FOR UPDATE SKIP LOCKED LIMIT 1)
          RETURNING *`,
        [id, leaseMs, kinds],
      );
      if (operation) {
        await appendOperationEvent(tx, operation.id, {
          type: 'status',
          status: 'running',
          message: 'running',
        });
      }
      return operation;
    });

  const execute = async (operation: Operation, controller: AbortController): Promise<void> => {
    const redactions = new Set<string>();
    const scrub = (text: string) => {
      let out = text;
      for (const value of redactions) if (value) out = out.split(value).join('[redacted]');
      return out;
    };
    const executor = executors.get(operation.kind);
    const ctx: ExecutorContext = {
      operation,
      pool,
      signal: controller.signal,
      secrets,
      redact: (value) => void redactions.add(value),
      log: async (message, level = 'info') => {
        await withTransaction(pool, (tx) =>
          appendOperationEvent(tx, operation.id, { type: 'log', level, message: scrub(message) }),
        );
      },
      progress: async (fraction, step) => {
        const clamped = Math.min(1, Math.max(0, fraction));
        await withTransaction(pool, async (tx) => {
          const updated = await updateOperationRow(
            tx,
            `UPDATE operations SET progress = $2, step = COALESCE($3, step), updated_at = now()
              WHERE id = $1 AND status = 'running' AND lease_owner = $4 RETURNING *`,
            [operation.id, clamped, step ? scrub(step) : null, id],
          );
          if (updated) {
            await appendOperationEvent(tx, operation.id, {
              type: 'progress',
              progress: clamped,
              message: step ? scrub(step) : `${Math.round(clamped * 100)}%`,
            });
          }
        });
      },
    };
    let outcome: Parameters<typeof finishOperation>[2];
    try {
      if (!executor)
        throw Object.assign(new Error(`no executor for ${operation.kind}`), { code: 'no_executor' });
      const result = await executor.run(ctx, operation.input);
      outcome = { status: 'succeeded', result: result ?? null };
    } catch (error) {
      outcome = controller.signal.aborted
        ? {
            status: 'failed',
            error: { code: 'aborted', message: scrub(String(controller.signal.reason ?? 'aborted')) },
          }
        : { status: 'failed', error: errorOf(error, scrub) };
    }
    await withTransaction(pool, async (tx) => {
      const finished = await finishOperation(tx, operation.id, outcome, {
        fromStatus: 'running',
        leaseOwner: id,
      });
      if (finished) await executor?.settle?.(tx, finished);
    });
  };

  const start = (operation: Operation) => {
    const controller = new AbortController();
    const done = execute(operation, controller)
      .catch(onError)
      .finally(() => {
        running.delete(operation.id);
        wake();
      });
    running.set(operation.id, { controller, done });
  };

  const pump = async () => {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        while (!stopped && running.size < concurrency) {
          const operation = await claim();
          if (!operation) break;
          start(operation);
        }
      } while (pumpAgain && !stopped);
    } catch (error) {
      onError(error);
    } finally {
      pumping = false;
    }
  };

  const wake = () => {
    if (!stopped) void pump();
  };

  /** Fails jobs whose worker stopped renewing their lease (crashed, killed, partitioned). */
  const sweep = async () => {
    const { rows } = await pool.query<{ id: string }>(
      "SELECT id FROM operations WHERE status = 'running' AND lease_until < now()",
    );
    for (const { id: operationId } of rows) {
      await withTransaction(pool, async (tx) => {
        const locked = await tx.query<OperationRow>(
          "SELECT * FROM operations WHERE id = $1 AND status = 'running' AND lease_until < now() FOR UPDATE SKIP LOCKED",
          [operationId],
        );
        const row = locked.rows[0];
        if (!row) return;
        const finished = await finishOperation(
          tx,
          operationId,
          { status: 'failed', error: { code: 'worker_lost', message: WORKER_LOST_REASON } },
          { fromStatus: 'running' },
        );
        if (finished) await executors.get(toOperation(row).kind)?.settle?.(tx, finished);
      });
    }
  };

  const heartbeat = async () => {
    if (running.size === 0) return;
    const ids = [...running.keys()];
    const { rows } = await pool.query<{ id: string }>(
      `UPDATE operations SET lease_until = now() + $2 * interval '1 millisecond'
        WHERE lease_owner = $1 AND status = 'running' AND id = ANY($3) RETURNING id`,
      [id, leaseMs, ids],
    );
    const kept = new Set(rows.map((row) => row.id));
    // Lost the lease (swept as stale): stop, or its side effect could race a retry by a human.
    for (const operationId of ids) {
      if (!kept.has(operationId)) running.get(operationId)?.controller.abort('the job lost its lease');
    }
  };

  const heartbeatTimer = setInterval(() => void heartbeat().catch(onError), Math.max(50, leaseMs / 3));
  const pollTimer = setInterval(() => {
    void sweep()
      .catch(onError)
      .then(() => wake());
  }, pollMs);

  const ready = (async () => {
    try {
      const client = await pool.connect();
      client.on('notification', (message) => {
        if (message.channel === OPERATIONS_QUEUED_CHANNEL) wake();
      });
      client.on('error', onError);
      await client.query(`LISTEN ${OPERATIONS_QUEUED_CHANNEL}`);
      listener = client;
    } catch (error) {
      // The poll still picks jobs up; NOTIFY only makes it prompt.
      onError(error);
    }
    await sweep().catch(onError);
    wake();
  })();

  return {
    id,
    ready,
    wake,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(pollTimer);
      await ready;
      if (listener) {
        listener.removeAllListeners('notification');
        await listener.query(`UNLISTEN ${OPERATIONS_QUEUED_CHANNEL}`).catch(() => undefined);
        listener.removeListener('error', onError);
        listener.release(true);
        listener = null;
      }
      const inFlight = [...running.values()];
      let timer: NodeJS.Timeout | undefined;
      const drained = Promise.all(inFlight.map((job) => job.done)).then(() => true);
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), drainMs);
      });
      if (!(await Promise.race([drained, timedOut]))) {
        for (const job of inFlight) job.controller.abort('the platform server is shutting down');
        await drained;
      }
      clearTimeout(timer);
      clearInterval(heartbeatTimer);
      while (pumping) await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
