import { entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';

/** Synced operations; their events are a local cache the live log fills (see watcher.ts). */
export const operationWriters = [
  entityWriter({
    entity: 'operation',
    table: 'operations',
    put: (db, op) =>
      upsertSynced(
        db,
        'operations',
        op.id,
        { kind: op.kind, status: op.status, service_id: op.serviceId, created_at: op.createdAt },
        op,
      ),
  }),
];
