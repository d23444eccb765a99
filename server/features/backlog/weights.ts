import type { Pool } from 'pg';
import type { BacklogWeights } from '../../../shared/features/backlog/api';
import { DEFAULT_WEIGHTS } from '../../../shared/domain/prioritization';
import type { Principal } from '../../auth/tokens';
import { writeAudit } from '../../audit/audit-log';
import type { Tx } from '../../db/transaction';
import { forbidden } from '../../http/api-error';
import { recordChange } from '../../sync/change-log';
import { isLead } from './store';

/** The default model's weights: server-side, synced, editable by leads; each weight is last-writer-wins. */

const EPOCH = '1970-01-01T00:00:00.000Z';

export async function getWeights(db: Pool | Tx): Promise<BacklogWeights> {
  const { rows } = await db.query<{ demand: number; strategy: number; updated_at: Date }>(
    "SELECT demand, strategy, updated_at FROM backlog_weights WHERE id = 'default'",
  );
  const row = rows[0];
  if (!row) return { id: 'default', ...DEFAULT_WEIGHTS, updatedAt: EPOCH };
  return {
    id: 'default',
    demand: row.demand,
    strategy: row.strategy,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function setWeights(
  tx: Tx,
  actor: Pick<Principal, 'userId' | 'role'>,
  patch: { demand?: number | undefined; strategy?: number | undefined },
): Promise<BacklogWeights> {
  if (!isLead(actor)) throw forbidden('only leads may change the prioritization weights');
  // Lock the row (or the absence of it) so two leads' edits apply one after the other.
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('backlog_weights'))");
  const current = await getWeights(tx);
  const next = { demand: patch.demand ?? current.demand, strategy: patch.strategy ?? current.strategy };
  const { rows } = await tx.query<{ updated_at: Date }>(
    `INSERT INTO backlog_weights (id, demand, strategy, updated_at) VALUES ('default', $1, $2, now())
     ON CONFLICT (id) DO UPDATE SET demand = EXCLUDED.demand, strategy = EXCLUDED.strategy, updated_at = now()
     RETURNING updated_at`,
    [next.demand, next.strategy],
  );
  const weights: BacklogWeights = {
    id: 'default',
    ...next,
    updatedAt: (rows[0]?.updated_at ?? new Date()).toISOString(),
  };
  await recordChange(tx, 'backlog_weights', 'default', 'put', weights);
  await writeAudit(tx, actor.userId, 'backlog.weights', 'backlog_weights', 'default', next);
  return weights;
}
