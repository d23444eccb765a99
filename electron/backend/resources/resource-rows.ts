import type { Database } from 'better-sqlite3';
import type { Operation } from '../../../shared/features/operations/api';
import type { Resource } from '../../../shared/features/resources/api';
import { SecretMeta } from '../../../shared/features/secrets/api';
import { upsertSynced } from '../cache/upsert-synced';

/** Synced operation, resource and secret entities → their cache tables (merged into catalog-writes' tableOf). */
export const resourceTables = {
  operation: 'operations',
  resource: 'resources',
  secret: 'secrets',
} as const;

/** Cached tables of this feature a resync clears (operation_events is not in the change log). */
export const resourceSyncedTables = ['operations', 'operation_events', 'resources', 'secrets'] as const;

export function putOperation(db: Database, op: Operation): void {
  upsertSynced(
    db,
    'operations',
    op.id,
    { kind: op.kind, status: op.status, service_id: op.serviceId, created_at: op.createdAt },
    op,
  );
}

export function putResource(db: Database, r: Resource): void {
  upsertSynced(
    db,
    'resources',
    r.id,
    { service_id: r.serviceId, status: r.status, created_at: r.createdAt },
    r,
  );
}

export function putSecret(db: Database, meta: SecretMeta): void {
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
}
