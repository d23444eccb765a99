import { mkdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import type { PipelineStep } from '../../../shared/features/pipelines/api';
import type { Principal } from '../../auth/tokens';
import { withTransaction, type Tx } from '../../db/transaction';
import { ApiError } from '../../http/api-error';
import { ExecutorError, type ExecutorContext } from '../operations/public';
import { publishVersion, requestDeploy, serviceRepositoryOf } from '../self-service/public';
import { exportTree, findCommit, packDirectory } from './commits';
import { parsePaveFile, PAVE_FILE, type PaveFile } from './pave-file';
import { finishRun, runOfOperation, updateOpenRun, type RunRow } from './run-rows';
import { stepLog } from './step-log';
import { runStep, type OutputCap, type StepResult } from './step-process';

export interface PipelineDeps {
  pool: Pool;
  dataDir: string;
  cap: OutputCap;
  /** How often a run waiting for an earlier run of its service checks again. */
  pollMs: number;
}

/** A run stopped by a cancel (or a platform shutdown): the settle step records why. */
class RunStopped extends Error {
  override name = 'RunStopped';
}

const pending = (name: string, command: string): PipelineStep => ({
  name,
  command,
  status: 'pending',
  startedAt: null,
  finishedAt: null,
  durationMs: null,
  exitCode: null,
  error: null,
});

/** The step's own environment: never the platform's (its database URL, tokens, keys). */
function stepEnv(run: RunRow, serviceName: string, stepName: string, home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TMPDIR: path.join(home, 'tmp'),
    LANG: 'C.UTF-8',
    CI: 'true',
    // npm's cache is kept so `npm install --prefer-offline` is fast and works without a network.
    npm_config_cache: process.env.npm_config_cache ?? path.join(homedir(), '.npm'),
    ...(process.env.npm_config_registry ? { npm_config_registry: process.env.npm_config_registry } : {}),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    PAVE_RUN_ID: run.id,
    PAVE_RUN_NUMBER: String(run.number),
    PAVE_COMMIT_SHA: run.commit_sha,
    PAVE_SERVICE_NAME: serviceName,
    PAVE_STEP: stepName,
  };
}

const failureOf = (name: string, timeoutSeconds: number, result: StepResult): string => {
  const errors = result.errors.length ? `\nerrors:\n${result.errors.join('\n')}` : '';
  const last = errors + (result.tail.length ? `\nlast lines:\n${result.tail.join('\n')}` : '');
  switch (result.outcome.kind) {
    case 'timed_out':
      return `${name} timed out after ${timeoutSeconds} s; its processes were killed${last}`;
    case 'flooded':
      return `${name} ${result.outcome.reason}; stopped${last}`;
    case 'cancelled':
      return `${name} was cancelled`;
    case 'exited':
      return `${name} failed with exit code ${result.outcome.exitCode}${last}`;
  }
};

/** The principal a run acts as when it requests its deploy: the person who pushed or asked. */
async function requesterPrincipal(db: Pool | Tx, userId: string, runId: string): Promise<Principal> {
  const { rows } = await db.query<{ role: Principal['role']; team_ids: string[] }>(
    `SELECT u.role, ARRAY(SELECT m.team_id FROM team_members m WHERE m.user_id = u.id ORDER BY m.team_id) AS team_ids
       FROM users u WHERE u.id = $1`,
    [userId],
  );
  const row = rows[0];
  if (!row) throw new ExecutorError('unknown_user', `the run's requester ${userId} no longer exists`);
  return { userId, role: row.role, teamIds: row.team_ids, tokenId: `pipeline-run:${runId}` };
}

/**
 * Waits until every earlier run of the same service has ended: runs of one service go one at a
 * time, in the order they were requested (their numbers), even on several workers.
 */
async function waitForEarlierRuns(
  deps: PipelineDeps,
  ctx: ExecutorContext,
  run: RunRow,
  signal: AbortSignal,
) {
  let reported = 0;
  for (;;) {
    const { rows } = await deps.pool.query<{ number: number }>(
      `SELECT number FROM pipeline_runs WHERE service_id = $1 AND number < $2 AND status IN ('queued', 'running')
        ORDER BY number DESC LIMIT 1`,
      [run.service_id, run.number],
    );
    const before = rows[0];
    if (!before) return;
    if (before.number !== reported) {
      reported = before.number;
      await ctx.progress(0, `waiting for run #${before.number} of this service`);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, deps.pollMs);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
    if (signal.aborted) throw new RunStopped(String(signal.reason ?? 'stopped'));
  }
}

/**
 * The `pipeline.run` executor's work: checkout, the steps of pave.yaml, package → publish the
 * version → request the development deploy. Every step's status and duration is saved on the run
 * row as it changes; output goes to the operation's live log. A red run deploys nothing.
 */
export async function runPipeline(deps: PipelineDeps, ctx: ExecutorContext, signal: AbortSignal) {
  const run = await runOfOperation(deps.pool, ctx.operation.id);
  if (!run) throw new ExecutorError('no_run', `no pipeline run belongs to operation ${ctx.operation.id}`);
  await waitForEarlierRuns(deps, ctx, run, signal);

  let steps: PipelineStep[] = run.steps;
  const save = async (extra = '', params: unknown[] = []) => {
    const saved = await withTransaction(deps.pool, (tx) =>
      updateOpenRun(tx, run.id, `steps = $2${extra}`, [JSON.stringify(steps), ...params]),
    );
    // Ended elsewhere (cancelled, or failed by the sweeper): stop here.
    if (!saved) throw new RunStopped('the run was ended while it ran');
  };
  const setStep = (name: string, patch: Partial<PipelineStep>) => {
    steps = steps.map((step) => (step.name === name ? { ...step, ...patch } : step));
  };
  const startStep = async (name: string) => {
    setStep(name, { status: 'running', startedAt: new Date().toISOString() });
    const index = steps.findIndex((step) => step.name === name);
    await ctx.progress(index / steps.length, name);
  };
  const endStep = (name: string, patch: Partial<PipelineStep>) => {
    const step = steps.find((s) => s.name === name);
    const finishedAt = new Date();
    const startedAt = step?.startedAt ? Date.parse(step.startedAt) : finishedAt.getTime();
    setStep(name, {
      finishedAt: finishedAt.toISOString(),
      durationMs: Math.max(0, finishedAt.getTime() - startedAt),
      ...patch,
    });
  };
  const fail = async (name: string, error: string, exitCode: number | null = null): Promise<never> => {
    endStep(name, { status: 'failed', error, exitCode });
    await ctx.log(`✗ ${error}`, 'error');
    const ended = await withTransaction(deps.pool, (tx) =>
      finishRun(tx, run.id, { status: 'failed', failedStep: name, error }, steps),
    );
    if (!ended) throw new RunStopped('the run was ended while it ran');
    throw new ExecutorError('pipeline_failed', `step ${name} failed: ${error}`);
  };

  const runDir = path.join(deps.dataDir, 'pipelines', run.id);
  const workspace = path.join(runDir, 'workspace');
  const home = path.join(runDir, 'home');
  try {
    await ctx.log(`run #${run.number} of ${run.commit_sha.slice(0, 7)} "${run.commit_message}"`);
    await startStep('checkout');
    await save(`, status = 'running', started_at = now()`);
    const repository = await serviceRepositoryOf(deps.pool, run.service_id);
    if (!repository) return await fail('checkout', 'the service has no repository to check out');
    const commit = await findCommit(repository.bareRepo, run.commit_sha);
    if (!commit) return await fail('checkout', `commit ${run.commit_sha} is not in the repository`);
    await rm(runDir, { recursive: true, force: true });
    await mkdir(path.join(home, 'tmp'), { recursive: true });
    await exportTree(repository.bareRepo, commit.sha, workspace);
    const text = await readFile(path.join(workspace, PAVE_FILE), 'utf8').catch(() => null);
    if (text === null) {
      return await fail(
        'checkout',
        `the repository has no ${PAVE_FILE} at its root; add one to define the pipeline`,
      );
    }
    const parsed = parsePaveFile(text);
    if (!parsed.ok) return await fail('checkout', parsed.error);
    const file: PaveFile = parsed.file;
    endStep('checkout', { status: 'succeeded' });
    steps = [
      ...steps,
      ...file.steps.map((step) => pending(step.name, step.run)),
      pending('package', `pack ${file.artifact.path} as the version's artifact`),
    ];
    await save();
    await ctx.log(`checked out ${commit.sha.slice(0, 7)}; ${file.steps.length} step(s) in ${PAVE_FILE}`);

    for (const step of file.steps) {
      await startStep(step.name);
      await save();
      await ctx.log(`▶ ${step.name}: ${step.run}`);
      const log = stepLog(ctx, step.name);
      const result = await runStep({
        command: step.run,
        cwd: workspace,
        env: stepEnv(run, repository.serviceName, step.name, home),
        timeoutMs: step.timeoutSeconds * 1000,
        cap: deps.cap,
        signal,
        onLines: (lines) => log.lines(lines),
        onStart: (pgid) =>
          void deps.pool
            .query('UPDATE pipeline_runs SET step_pgid = $2 WHERE id = $1', [run.id, pgid])
            .catch(() => undefined),
      });
      await log.close();
      if (result.outcome.kind === 'cancelled' || signal.aborted) {
        throw new RunStopped(String(signal.reason ?? 'cancelled'));
      }
      if (result.outcome.kind !== 'exited' || result.outcome.exitCode !== 0) {
        await fail(step.name, failureOf(step.name, step.timeoutSeconds, result), result.exitCode);
      }
      endStep(step.name, { status: 'succeeded', exitCode: 0 });
      await save(', step_pgid = NULL');
      await ctx.log(`✓ ${step.name}`);
    }

    await startStep('package');
    await save();
    const artifactDir = path.join(deps.dataDir, 'artifacts', run.service_id);
    const artifactFile = path.join(artifactDir, `${commit.sha}.tar.gz`);
    await mkdir(artifactDir, { recursive: true });
    try {
      await packDirectory(path.join(workspace, file.artifact.path), artifactFile);
    } catch (error) {
      return await fail(
        'package',
        `packing the artifact failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (signal.aborted) throw new RunStopped(String(signal.reason ?? 'cancelled'));
    endStep('package', { status: 'succeeded' });
    const principal = await requesterPrincipal(deps.pool, run.requested_by, run.id);
    const { versionId, deployOperationId, deployRefusal } = await withTransaction(deps.pool, async (tx) => {
      const version = await publishVersion(tx, {
        serviceId: run.service_id,
        commit,
        artifactFile,
        pipelineRunId: run.id,
      });
      // The deploy is requested as the pusher: refused (their rights changed), the version stays
      // published and can be deployed by someone allowed to.
      await tx.query('SAVEPOINT request_deploy');
      let deployOperationId: string | null = null;
      let deployRefusal: string | null = null;
      try {
        const deploy = await requestDeploy(tx, principal, {
          serviceId: run.service_id,
          environment: 'development',
          version: commit.sha,
          idempotencyKey: `pipeline-run-${run.id}`,
        });
        deployOperationId = deploy.operationId;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT request_deploy');
        deployRefusal = error.message;
      }
      const ended = await finishRun(
        tx,
        run.id,
        { status: 'succeeded', versionId: version.id, deployOperationId },
        steps,
      );
      if (!ended) throw new RunStopped('the run was ended while it ran');
      return { versionId: version.id, deployOperationId, deployRefusal };
    });
    await ctx.progress(1, 'published');
    await ctx.log(`published version ${versionId} (${commit.sha.slice(0, 7)})`);
    if (deployRefusal) await ctx.log(`deploy to development not requested: ${deployRefusal}`, 'warn');
    else await ctx.log(`deploy to development requested (operation ${deployOperationId})`);
    return { runId: run.id, versionId, deployOperationId };
  } finally {
    await rm(runDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
