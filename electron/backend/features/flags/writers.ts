import { entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';

/** Synced flags, with the columns the service page and the duplicate-key check filter on. */
export const flagsWriters = [
  entityWriter({
    entity: 'flag',
    table: 'flags',
    put: (db, f) =>
      upsertSynced(db, 'flags', f.id, { service_id: f.serviceId, environment: f.environment, key: f.key }, f),
  }),
];
