import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Operation } from '../../../shared/features/operations/api';
import type { Tx } from '../../db/transaction';
import type { Executor, Operations } from '../operations/public';
import { runPipeline, type PipelineDeps } from './run-pipeline';
import { finishRun, runOfOperation } from './run-rows';
import { killGroup } from './step-process';

/**
 * Kills what a run's step left running when the run ended without its executor (the platform
 * crashed mid-step). Only a group whose leader still carries this run's PAVE_RUN_ID: the pid may
 * have been reused by then.
 */
async function killLeftovers(pgid: number, runId: string): Promise<void> {
  const environ = await readFile(`/proc/${pgid}/environ`, 'utf8').catch(() => '');
  if (environ.split('\0').includes(`PAVE_RUN_ID=${runId}`)) killGroup(pgid);
}

const reasonOf = (operation: Operation): string => {
  const error = operation.error;
  if (operation.status === 'cancelled') return error?.message ?? 'cancelled';
  if (error?.code === 'worker_lost' || error?.code === 'aborted') {
    return `the platform stopped during the run (${error.message}); run the pipeline again`;
  }
  return error?.message ?? `operation ${operation.status}`;
};

/**
 * Ends the run row of a `pipeline.run` operation that ended any way other than through the run
 * itself: cancelled (queued or running), failed by the sweeper after a crash, or aborted by a
 * shutdown. A run never stays 'running' past its operation.
 */
async function settleRun(deps: PipelineDeps, tx: Tx, operation: Operation): Promise<void> {
  if (operation.status === 'succeeded') return;
  const run = await runOfOperation(tx, operation.id);
  if (!run || (run.status !== 'queued' && run.status !== 'running')) return;
  if (run.step_pgid) await killLeftovers(run.step_pgid, run.id);
  // A crashed run's workspace (its node_modules, say) would otherwise stay in the data dir.
  await rm(path.join(deps.dataDir, 'pipelines', run.id), { recursive: true, force: true });
  const running = run.steps.find((step) => step.status === 'running');
  await finishRun(
    tx,
    run.id,
    {
      status: operation.status === 'cancelled' ? 'cancelled' : 'failed',
      failedStep: running?.name ?? null,
      error: reasonOf(operation),
    },
    run.steps,
  );
}

/**
 * The `pipeline.run` executor. A cancel of the running job reaches it through its operation's
 * events (the cancel's status event), so the running step's process group is killed at once.
 */
export function pipelineExecutor(deps: PipelineDeps, operations: Operations): Executor {
  return {
    cancelsWhileRunning: true,
    async run(ctx) {
      const controller = new AbortController();
      const stop = (reason: unknown) => controller.abort(reason);
      if (ctx.signal.aborted) stop(ctx.signal.reason);
      ctx.signal.addEventListener('abort', () => stop(ctx.signal.reason), { once: true });
      const unsubscribe = operations.events.subscribe(ctx.operation.id, () => {
        void deps.pool
          .query<{ status: string }>('SELECT status FROM operations WHERE id = $1', [ctx.operation.id])
          .then(({ rows }) => {
            if (rows[0]?.status === 'cancelled') stop('cancelled');
          })
          .catch(() => undefined);
      });
      try {
        return await runPipeline(deps, ctx, controller.signal);
      } finally {
        unsubscribe();
      }
    },
    settle: (tx, operation) => settleRun(deps, tx, operation),
  };
}
