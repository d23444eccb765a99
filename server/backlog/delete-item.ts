import { writeAudit } from '../audit/audit-log';
import type { Tx } from '../db/transaction';
import { recordChange } from '../sync/change-log';
import { recordRequestChanges } from '../support/requests';
import { assertLead, getItem, type Actor } from './items';

/** Deleting an item also unlinks the support requests that pointed at it (their synced shape changes). */
export async function deleteItem(tx: Tx, actor: Actor, id: string): Promise<void> {
  assertLead(actor, 'delete backlog items');
  await getItem(tx, id, true);
  // Linked support requests lose the link: their synced shape changes too.
  const { rows } = await tx.query<{ id: string }>(
    'UPDATE support_requests SET linked_item_id = NULL, updated_at = now() WHERE linked_item_id = $1 RETURNING id',
    [id],
  );
  await tx.query('DELETE FROM backlog_items WHERE id = $1', [id]);
  await recordChange(tx, 'backlog_item', id, 'del', null);
  await recordRequestChanges(
    tx,
    rows.map((r) => r.id),
  );
  await writeAudit(tx, actor.userId, 'backlog.delete', 'backlog_item', id);
}
