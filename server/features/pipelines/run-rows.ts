import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { PipelineRun, PipelineRunStatus, PipelineStep } from '../../../shared/features/pipelines/api';
import type { Tx } from '../../db/transaction';
import { notFound } from '../../http/api-error';
import { recordChange } from '../../sync/change-log';
import { recordEvent } from '../events/public';

export interface RunRow {
  id: string;
  service_id: string;
  operation_id: string;
  number: number;
  commit_sha: string;
  commit_message: string;
  status: PipelineRunStatus;
  failed_step: string | null;
  error: string | null;
  steps: PipelineStep[];
  version_id: string | null;
  deploy_operation_id: string | null;
  requested_by: string;
  step_pgid: number | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export const toRun = (row: RunRow): PipelineRun => ({
  id: row.id,
  serviceId: row.service_id,
  operationId: row.operation_id,
  number: row.number,
  commitSha: row.commit_sha,
  commitMessage: row.commit_message,
  status: row.status,
  failedStep: row.failed_step,
  error: row.error,
  steps: row.steps,
  versionId: row.version_id,
  deployOperationId: row.deploy_operation_id,
  requestedBy: row.requested_by,
  createdAt: row.created_at.toISOString(),
  startedAt: row.started_at?.toISOString() ?? null,
  finishedAt: row.finished_at?.toISOString() ?? null,
});

export async function getRunRow(db: Pool | Tx, id: string): Promise<RunRow | null> {
  const { rows } = await db.query<RunRow>('SELECT * FROM pipeline_runs WHERE id = $1', [id]);
  return rows[0] ?? null;
}

export async function getRun(db: Pool | Tx, id: string): Promise<PipelineRun> {
  const row = await getRunRow(db, id);
  if (!row) throw notFound(`pipeline run ${id}`);
  return toRun(row);
}

export async function runOfOperation(db: Pool | Tx, operationId: string): Promise<RunRow | null> {
  const { rows } = await db.query<RunRow>('SELECT * FROM pipeline_runs WHERE operation_id = $1', [
    operationId,
  ]);
  return rows[0] ?? null;
}

export async function listRuns(db: Pool | Tx, serviceId: string, limit: number): Promise<PipelineRun[]> {
  const { rows } = await db.query<RunRow>(
    'SELECT * FROM pipeline_runs WHERE service_id = $1 ORDER BY created_at DESC, number DESC LIMIT $2',
    [serviceId, limit],
  );
  return rows.map(toRun);
}

/** The steps a run starts with: the platform's checkout, the file's steps once read, then package. */
export const checkoutStep = (): PipelineStep => ({
  name: 'checkout',
  command: 'export the commit from the service repository; read pave.yaml',
  status: 'pending',
  startedAt: null,
  finishedAt: null,
  durationMs: null,
  exitCode: null,
  error: null,
});

export async function insertRun(
  tx: Tx,
  run: {
    serviceId: string;
    operationId: string;
    commit: { sha: string; message: string };
    requestedBy: string;
  },
): Promise<PipelineRun> {
  // Numbers are per service; the lock keeps two concurrent pushes from taking the same one.
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('pipeline_runs:' || $1))", [run.serviceId]);
  const { rows } = await tx.query<RunRow>(
    `INSERT INTO pipeline_runs (id, service_id, operation_id, number, commit_sha, commit_message, status,
                                steps, requested_by)
     VALUES ($1, $2, $3,
             (SELECT COALESCE(MAX(number), 0) + 1 FROM pipeline_runs WHERE service_id = $2),
             $4, $5, 'queued', $6, $7)
     RETURNING *`,
    [
      randomUUID(),
      run.serviceId,
      run.operationId,
      run.commit.sha,
      run.commit.message,
      JSON.stringify([checkoutStep()]),
      run.requestedBy,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('inserted pipeline run vanished');
  const created = toRun(row);
  await recordChange(tx, 'pipeline_run', created.id, 'put', created);
  return created;
}

/**
 * Updates a run that is still going (queued or running) and logs the change for sync; null when
 * it already ended — a cancel or the sweeper got there first, and their verdict stands.
 */
export async function updateOpenRun(
  tx: Tx,
  id: string,
  set: string,
  params: unknown[] = [],
): Promise<PipelineRun | null> {
  const { rows } = await tx.query<RunRow>(
    `UPDATE pipeline_runs SET ${set}, updated_at = now()
      WHERE id = $1 AND status IN ('queued', 'running') RETURNING *`,
    [id, ...params],
  );
  const row = rows[0];
  if (!row) return null;
  const run = toRun(row);
  await recordChange(tx, 'pipeline_run', run.id, 'put', run);
  return run;
}

export type RunOutcome =
  | { status: 'succeeded'; versionId: string; deployOperationId: string | null }
  | { status: 'failed' | 'cancelled'; failedStep: string | null; error: string };

/**
 * Ends a run once: its final status, the steps as they ended (running → failed or cancelled,
 * pending → skipped) and the `pipeline_run` event with each step's duration, in the caller's
 * transaction. Null when the run had already ended.
 */
export async function finishRun(
  tx: Tx,
  id: string,
  outcome: RunOutcome,
  steps: PipelineStep[],
): Promise<PipelineRun | null> {
  const now = new Date();
  const ended = steps.map((step): PipelineStep => {
    if (step.status === 'pending')
      return { ...step, status: outcome.status === 'succeeded' ? step.status : 'skipped' };
    if (step.status !== 'running') return step;
    const startedAt = step.startedAt ? Date.parse(step.startedAt) : now.getTime();
    return {
      ...step,
      status: outcome.status === 'cancelled' ? 'cancelled' : 'failed',
      finishedAt: now.toISOString(),
      durationMs: Math.max(0, now.getTime() - startedAt),
      error: step.error ?? (outcome.status === 'succeeded' ? null : outcome.error),
    };
  });
  const run = await updateOpenRun(
    tx,
    id,
    `status = $2, failed_step = $3, error = $4, version_id = $5, deploy_operation_id = $6, steps = $7,
     finished_at = now(), step_pgid = NULL, started_at = COALESCE(started_at, now())`,
    [
      outcome.status,
      outcome.status === 'succeeded' ? null : outcome.failedStep,
      outcome.status === 'succeeded' ? null : outcome.error,
      outcome.status === 'succeeded' ? outcome.versionId : null,
      outcome.status === 'succeeded' ? outcome.deployOperationId : null,
      JSON.stringify(ended),
    ],
  );
  if (!run) return null;
  await recordEvent(tx, {
    kind: 'pipeline_run',
    serviceId: run.serviceId,
    actorId: run.requestedBy,
    data: {
      runId: run.id,
      commitSha: run.commitSha,
      result: outcome.status,
      failedStep: run.failedStep,
      durationMs: Math.max(
        0,
        Date.parse(run.finishedAt ?? now.toISOString()) - Date.parse(run.startedAt ?? run.createdAt),
      ),
      steps: run.steps.map((step) => ({
        name: step.name,
        status: step.status,
        durationMs: step.durationMs ?? 0,
      })),
    },
  });
  return run;
}
