import { entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';

/** Synced resources (their tables come from cache migration 10, see operations/index.ts). */
export const resourceWriters = [
  entityWriter({
    entity: 'resource',
    table: 'resources',
    put: (db, r) =>
      upsertSynced(
        db,
        'resources',
        r.id,
        { service_id: r.serviceId, status: r.status, created_at: r.createdAt },
        r,
      ),
  }),
];
