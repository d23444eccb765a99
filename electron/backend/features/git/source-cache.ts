import type { Database } from 'better-sqlite3';
import { ServiceSource } from '../../../../shared/features/git/ipc';
import { prepared } from '../../cache/prepared';

/** Keeps the platform's last answer for a service (null: its code is not hosted by the platform). */
export function storeSource(
  db: Database,
  serviceId: string,
  fetchedAt: string,
  source: ServiceSource | null,
): void {
  prepared(
    db,
    `INSERT INTO git_repositories (service_id, fetched_at, data) VALUES (?, ?, ?)
       ON CONFLICT (service_id) DO UPDATE SET fetched_at = excluded.fetched_at, data = excluded.data`,
  ).run(serviceId, fetchedAt, source && JSON.stringify(source));
}

/** The last answer kept, marked as coming from the cache; undefined when there is none. */
export function cachedSource(db: Database, serviceId: string): ServiceSource | null | undefined {
  const row = prepared(db, 'SELECT data FROM git_repositories WHERE service_id = ?').get(serviceId) as
    { data: string | null } | undefined;
  if (!row) return undefined;
  if (row.data === null) return null;
  return { ...ServiceSource.parse(JSON.parse(row.data)), fromCache: true };
}
