import { entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';

/** Synced pipeline runs. */
export const pipelinesWriters = [
  entityWriter({
    entity: 'pipeline_run',
    table: 'pipeline_runs',
    put: (db, run) =>
      upsertSynced(
        db,
        'pipeline_runs',
        run.id,
        { service_id: run.serviceId, number: run.number, status: run.status, created_at: run.createdAt },
        run,
      ),
  }),
];
