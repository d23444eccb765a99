import type { Database } from 'better-sqlite3';
import type { Operation } from '../../../shared/api/operations';
import type { Resource } from '../../../shared/api/resources';
import { SecretMeta } from '../../../shared/api/secrets';
import { prepared } from '../cache/prepared';

/** Synced operation, resource and secret entities → their cache tables (merged into catalog-writes' tableOf). */
export const resourceTables = {
  operation: 'operations',
  resource: 'resources',
  secret: 'secrets',
} as const;

/** Cached tables of this feature a resync clears (operation_events is not in the change log). */
export const resourceSyncedTables = ['operations', 'operation_events', 'resources', 'secrets'] as const;

export function putOperation(db: Database, op: Operation): void {
  prepared(
    db,
    `INSERT INTO operations (id, kind, status, service_id, created_at, data) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, status = excluded.status,
       service_id = excluded.service_id, created_at = excluded.created_at, data = excluded.data`,
  ).run(op.id, op.kind, op.status, op.serviceId, op.createdAt, JSON.stringify(op));
}

export function putResource(db: Database, r: Resource): void {
  prepared(
    db,
    `INSERT INTO resources (id, service_id, status, created_at, data) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, status = excluded.status,
       created_at = excluded.created_at, data = excluded.data`,
  ).run(r.id, r.serviceId, r.status, r.createdAt, JSON.stringify(r));
}

export function putSecret(db: Database, meta: SecretMeta): void {
  // Re-parsed with the metadata schema (zod strips unknown keys): should a platform ever send a
  // `value` field along, it is dropped here instead of landing on disk.
  const clean = SecretMeta.parse(meta);
  prepared(
    db,
    `INSERT INTO secrets (id, service_id, environment, name, data) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, environment = excluded.environment,
       name = excluded.name, data = excluded.data`,
  ).run(clean.id, clean.serviceId, clean.environment, clean.name, JSON.stringify(clean));
}
