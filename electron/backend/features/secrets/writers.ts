import { SecretMeta } from '../../../../shared/features/secrets/api';
import { entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';

/** Secret METADATA only: a secret value is never stored on this device (table: cache migration 10). */
export const secretWriters = [
  entityWriter({
    entity: 'secret',
    table: 'secrets',
    put(db, meta) {
      // Re-parsed with the metadata schema (zod strips unknown keys): should a platform ever send a
      // `value` field along, it is dropped here instead of landing on disk.
      const clean = SecretMeta.parse(meta);
      upsertSynced(
        db,
        'secrets',
        clean.id,
        { service_id: clean.serviceId, environment: clean.environment, name: clean.name },
        clean,
      );
    },
  }),
];
