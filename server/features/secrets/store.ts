import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { secretId, type SecretMeta } from '../../../shared/features/secrets/api';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import { writeAudit } from '../../audit/audit-log';
import type { Tx } from '../../db/transaction';
import { recordChange } from '../../sync/change-log';
import { seal, unseal } from './secret-cipher';

interface SecretRow {
  service_id: string;
  environment: EnvironmentName;
  name: string;
  ciphertext: Buffer;
  iv: Buffer;
  auth_tag: Buffer;
  resource_id: string | null;
  updated_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const toMeta = (row: SecretRow): SecretMeta => ({
  id: secretId(row.service_id, row.environment, row.name),
  serviceId: row.service_id,
  environment: row.environment,
  name: row.name,
  resourceId: row.resource_id,
  updatedBy: row.updated_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const META_COLUMNS = 'service_id, environment, name, resource_id, updated_by, created_at, updated_at';

/** Read/write access to secret values, bound to this process's key. Values never leave through it. */
export interface SecretStore {
  set(
    tx: Tx,
    actor: string | null,
    target: { serviceId: string; environment: EnvironmentName; name: string; resourceId?: string | null },
    value: string,
  ): Promise<SecretMeta>;
  remove(
    tx: Tx,
    actor: string | null,
    serviceId: string,
    environment: EnvironmentName,
    name: string,
  ): Promise<boolean>;
  list(db: Pool | Tx, serviceId: string): Promise<SecretMeta[]>;
  get(
    db: Pool | Tx,
    serviceId: string,
    environment: EnvironmentName,
    name: string,
  ): Promise<SecretMeta | null>;
  /** Every value of a service in one environment, for its process environment at deploy time. */
  readAll(db: Pool | Tx, serviceId: string, environment: EnvironmentName): Promise<Record<string, string>>;
}

/** A random value for generated credentials: URL-safe so it fits in connection strings unescaped. */
export const generateSecretValue = (): string => randomBytes(24).toString('base64url');

export function createSecretStore(key: Buffer): SecretStore {
  return {
    async set(tx, actor, target, value) {
      const sealed = seal(key, value, secretId(target.serviceId, target.environment, target.name));
      const { rows } = await tx.query<SecretRow>(
        `INSERT INTO secrets (service_id, environment, name, ciphertext, iv, auth_tag, resource_id, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (service_id, environment, name) DO UPDATE SET
           ciphertext = EXCLUDED.ciphertext, iv = EXCLUDED.iv, auth_tag = EXCLUDED.auth_tag,
           resource_id = COALESCE(EXCLUDED.resource_id, secrets.resource_id),
           updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING ${META_COLUMNS}`,
        [
          target.serviceId,
          target.environment,
          target.name,
          sealed.ciphertext,
          sealed.iv,
          sealed.authTag,
          target.resourceId ?? null,
          actor,
        ],
      );
      const meta = toMeta(rows[0] as SecretRow);
      await recordChange(tx, 'secret', meta.id, 'put', meta);
      // The audit row names the secret, never its value.
      await writeAudit(tx, actor, 'secret.set', 'secret', meta.id, { resourceId: meta.resourceId });
      return meta;
    },
    async remove(tx, actor, serviceId, environment, name) {
      const { rowCount } = await tx.query(
        'DELETE FROM secrets WHERE service_id = $1 AND environment = $2 AND name = $3',
        [serviceId, environment, name],
      );
      if (!rowCount) return false;
      const id = secretId(serviceId, environment, name);
      await recordChange(tx, 'secret', id, 'del', null);
      await writeAudit(tx, actor, 'secret.delete', 'secret', id);
      return true;
    },
    async list(db, serviceId) {
      const { rows } = await db.query<SecretRow>(
        `SELECT ${META_COLUMNS} FROM secrets WHERE service_id = $1 ORDER BY environment, name`,
        [serviceId],
      );
      return rows.map(toMeta);
    },
    async get(db, serviceId, environment, name) {
      const { rows } = await db.query<SecretRow>(
        `SELECT ${META_COLUMNS} FROM secrets WHERE service_id = $1 AND environment = $2 AND name = $3`,
        [serviceId, environment, name],
      );
      return rows[0] ? toMeta(rows[0]) : null;
    },
    async readAll(db, serviceId, environment) {
      const { rows } = await db.query<SecretRow>(
        'SELECT * FROM secrets WHERE service_id = $1 AND environment = $2 ORDER BY name',
        [serviceId, environment],
      );
      const values: Record<string, string> = {};
      for (const row of rows) {
        values[row.name] = unseal(
          key,
          { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag },
          secretId(row.service_id, row.environment, row.name),
        );
      }
      return values;
    },
  };
}
