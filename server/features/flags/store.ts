import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { z } from 'zod';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type { Flag, FlagCreate, FlagUpdate } from '../../../shared/features/flags/api';
import type { Principal } from '../../auth/tokens';
import { writeAudit } from '../../audit/audit-log';
import type { Tx } from '../../db/transaction';
import { ApiError, conflict, notFound } from '../../http/api-error';
import { recordChange } from '../../sync/change-log';
import { assertCanActOnService } from '../catalog/public';
import { recordEvent } from '../events/public';

/**
 * Flags per service and environment. Every change: role check (the owning team's engineers, leads,
 * admins), the row, the change log (entity `flag`), the audit log and a `flag_changed` platform
 * event, all in the caller's transaction. REST and push mutations call the same functions.
 */

interface FlagRow {
  id: string;
  service_id: string;
  environment: EnvironmentName;
  key: string;
  description: string;
  enabled: boolean;
  rollout_percent: number;
  created_at: Date;
  updated_at: Date;
  updated_by: string | null;
}

const toFlag = (row: FlagRow): Flag => ({
  id: row.id,
  serviceId: row.service_id,
  environment: row.environment,
  key: row.key,
  description: row.description,
  enabled: row.enabled,
  rolloutPercent: row.rollout_percent,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  updatedBy: row.updated_by,
});

/** The 409 of a key used twice in one service+environment; the message names all three. */
const flagExists = (serviceName: string, environment: string, key: string) =>
  new ApiError(409, 'flag_exists', `a flag "${key}" already exists for ${serviceName} in ${environment}`);

export async function listFlags(db: Pool | Tx, serviceId: string): Promise<Flag[]> {
  const { rows } = await db.query<FlagRow>(
    `SELECT * FROM flags WHERE service_id = $1
      ORDER BY array_position(ARRAY['development', 'staging', 'production'], environment), key`,
    [serviceId],
  );
  return rows.map(toFlag);
}

export async function getFlag(db: Pool | Tx, id: string, lock = false): Promise<Flag> {
  const { rows } = await db.query<FlagRow>(`SELECT * FROM flags WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  if (!rows[0]) throw notFound(`flag ${id}`);
  return toFlag(rows[0]);
}

async function serviceName(db: Tx, serviceId: string): Promise<string> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM services WHERE id = $1', [serviceId]);
  if (!rows[0]) throw notFound(`service ${serviceId}`);
  return rows[0].name;
}

/**
 * Creates a flag. The same id again with the same service, environment and key is the same flag
 * (a REST retry without Idempotency-Key): answered as it is, nothing recorded twice.
 */
export async function createFlag(
  tx: Tx,
  actor: Principal,
  serviceId: string,
  input: z.output<typeof FlagCreate>,
): Promise<Flag> {
  const name = await serviceName(tx, serviceId);
  await assertCanActOnService(tx, actor, serviceId);
  const id = input.id ?? randomUUID();
  const same = await tx.query<FlagRow>('SELECT * FROM flags WHERE id = $1', [id]);
  if (same.rows[0]) {
    const flag = toFlag(same.rows[0]);
    if (flag.serviceId === serviceId && flag.environment === input.environment && flag.key === input.key) {
      return flag;
    }
    throw conflict(`flag ${id} already exists`);
  }
  // ON CONFLICT also covers a concurrent create of the same key: it waits for that one to commit.
  const { rows } = await tx.query<FlagRow>(
    `INSERT INTO flags (id, service_id, environment, key, description, enabled, rollout_percent, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (service_id, environment, key) DO NOTHING RETURNING *`,
    [
      id,
      serviceId,
      input.environment,
      input.key,
      input.description,
      input.enabled,
      input.rolloutPercent,
      actor.userId,
    ],
  );
  const row = rows[0];
  if (!row) throw flagExists(name, input.environment, input.key);
  const flag = toFlag(row);
  await recordChange(tx, 'flag', id, 'put', flag);
  await writeAudit(tx, actor.userId, 'flag.create', 'flag', id, {
    serviceId,
    environment: flag.environment,
    key: flag.key,
    enabled: flag.enabled,
    rolloutPercent: flag.rolloutPercent,
  });
  await recordEvent(tx, {
    kind: 'flag_changed',
    serviceId,
    environment: flag.environment,
    actorId: actor.userId,
    data: { flagId: id, key: flag.key, change: 'created', rolloutPercent: flag.rolloutPercent },
  });
  return flag;
}

/**
 * Sets the given fields (last writer wins per field). A change of `enabled` is recorded as
 * enabled/disabled, else a change of the rollout as `rollout`; a description edit is audited but
 * is no event (it changes no behaviour); setting what is already set changes nothing at all.
 */
export async function updateFlag(
  tx: Tx,
  actor: Principal,
  id: string,
  patch: z.output<typeof FlagUpdate>,
): Promise<Flag> {
  const before = await getFlag(tx, id, true);
  await assertCanActOnService(tx, actor, before.serviceId);
  const next = {
    enabled: patch.enabled ?? before.enabled,
    rolloutPercent: patch.rolloutPercent ?? before.rolloutPercent,
    description: patch.description ?? before.description,
  };
  const fields = (['enabled', 'rolloutPercent', 'description'] as const).filter((f) => next[f] !== before[f]);
  if (!fields.length) return before;
  const { rows } = await tx.query<FlagRow>(
    `UPDATE flags SET enabled = $2, rollout_percent = $3, description = $4, updated_at = now(), updated_by = $5
      WHERE id = $1 RETURNING *`,
    [id, next.enabled, next.rolloutPercent, next.description, actor.userId],
  );
  if (!rows[0]) throw notFound(`flag ${id}`);
  const flag = toFlag(rows[0]);
  await recordChange(tx, 'flag', id, 'put', flag);
  await writeAudit(tx, actor.userId, 'flag.update', 'flag', id, {
    fields,
    enabled: flag.enabled,
    rolloutPercent: flag.rolloutPercent,
  });
  const change = fields.includes('enabled')
    ? flag.enabled
      ? 'enabled'
      : 'disabled'
    : fields.includes('rolloutPercent')
      ? 'rollout'
      : null;
  if (change) {
    await recordEvent(tx, {
      kind: 'flag_changed',
      serviceId: flag.serviceId,
      environment: flag.environment,
      actorId: actor.userId,
      data: { flagId: id, key: flag.key, change, rolloutPercent: flag.rolloutPercent },
    });
  }
  return flag;
}

/** Deletes a flag; `missingOk` for the push path, where deletes win and one already gone is done. */
export async function deleteFlag(tx: Tx, actor: Principal, id: string, missingOk = false): Promise<void> {
  const { rows } = await tx.query<FlagRow>('SELECT * FROM flags WHERE id = $1 FOR UPDATE', [id]);
  const row = rows[0];
  if (!row) {
    if (missingOk) return;
    throw notFound(`flag ${id}`);
  }
  const flag = toFlag(row);
  await assertCanActOnService(tx, actor, flag.serviceId);
  await tx.query('DELETE FROM flags WHERE id = $1', [id]);
  await recordChange(tx, 'flag', id, 'del', null);
  await writeAudit(tx, actor.userId, 'flag.delete', 'flag', id, {
    serviceId: flag.serviceId,
    environment: flag.environment,
    key: flag.key,
  });
  await recordEvent(tx, {
    kind: 'flag_changed',
    serviceId: flag.serviceId,
    environment: flag.environment,
    actorId: actor.userId,
    data: { flagId: id, key: flag.key, change: 'deleted', rolloutPercent: null },
  });
}
