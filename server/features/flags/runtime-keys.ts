import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../shared/features/catalog/api';

/**
 * Flags keys: what a running service process authenticates with on `GET /v1/runtime/flags`. A key
 * reads the flags of ONE service+environment and nothing else (no user behind it, no other API).
 *
 * One key per process start: the platform hands the plaintext to the process in its environment
 * and keeps only the sha256, so the key is known exactly once, when issued — a restarted or
 * rolled-back-to process cannot be handed an older one. Instead of counting keys (a canary, a
 * kept rollback process and a restart may all hold one at once), a key lives while it is used:
 * the process polls every second, which keeps `last_used_at` fresh (written at most once a
 * minute), and keys unused for UNUSED_KEY_TTL are deleted whenever a new key is issued. A
 * stopped process's key thus stops working within that time; a running one's never does.
 */

const KEY_PREFIX = 'pave_flags_';
export const UNUSED_KEY_TTL_MINUTES = 15;

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Issues a key for a process about to start; prunes keys nobody has used lately. */
export async function issueFlagsKey(
  pool: Pool,
  serviceId: string,
  environment: EnvironmentName,
): Promise<string> {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  await pool.query(
    `DELETE FROM flag_keys
      WHERE COALESCE(last_used_at, created_at) < now() - make_interval(mins => $1)`,
    [UNUSED_KEY_TTL_MINUTES],
  );
  await pool.query('INSERT INTO flag_keys (key_hash, service_id, environment) VALUES ($1, $2, $3)', [
    hashKey(key),
    serviceId,
    environment,
  ]);
  return key;
}

/** The service+environment a key reads, or null for an unknown (or pruned) key. */
export async function findFlagsKey(
  pool: Pool,
  key: string,
): Promise<{ serviceId: string; environment: EnvironmentName } | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
  const hash = hashKey(key);
  const { rows } = await pool.query<{ service_id: string; environment: EnvironmentName; stale: boolean }>(
    `SELECT service_id, environment,
            (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') AS stale
       FROM flag_keys WHERE key_hash = $1`,
    [hash],
  );
  const row = rows[0];
  if (!row) return null;
  // Throttled: a poll a second must not become a write a second.
  if (row.stale) await pool.query('UPDATE flag_keys SET last_used_at = now() WHERE key_hash = $1', [hash]);
  return { serviceId: row.service_id, environment: row.environment };
}
