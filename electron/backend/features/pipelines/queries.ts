import type { Database } from 'better-sqlite3';
import { PipelineRun } from '../../../../shared/features/pipelines/api';
import type { ServicePipelineRuns } from '../../../../shared/features/pipelines/ipc';
import { visibleOutbox } from '../../outbox/outbox-store';

const RUNS_SHOWN = 50;

/** A service's runs from the cache, newest first, and its "Run pipeline" requests not yet sent. */
export function servicePipelineRuns(db: Database, serviceId: string): ServicePipelineRuns {
  const rows = db
    .prepare(
      'SELECT data FROM pipeline_runs WHERE service_id = ? ORDER BY created_at DESC, number DESC LIMIT ?',
    )
    .all(serviceId, RUNS_SHOWN) as { data: string }[];
  const pendingRequests = visibleOutbox(db).filter(
    (entry) =>
      entry.name === 'pipeline.run' &&
      entry.status !== 'rejected' &&
      (entry.args as { serviceId?: unknown }).serviceId === serviceId,
  ).length;
  return { runs: rows.map((row) => PipelineRun.parse(JSON.parse(row.data))), pendingRequests };
}
