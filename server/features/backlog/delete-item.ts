import { writeAudit } from '../../audit/audit-log';
import type { Tx } from '../../db/transaction';
import { recordChange } from '../../sync/change-log';
import { assertLead, getItem, type Actor } from './store';
import type { BacklogExtensions } from './public';

/** Deletes an item; the features whose rows point at it unlink them first (`beforeItemDelete`). */
export async function deleteItem(
  tx: Tx,
  actor: Actor,
  id: string,
  extensions: BacklogExtensions,
): Promise<void> {
  assertLead(actor, 'delete backlog items');
  await getItem(tx, id, true);
  for (const unlink of extensions.beforeItemDelete) await unlink(tx, id);
  await tx.query('DELETE FROM backlog_items WHERE id = $1', [id]);
  await recordChange(tx, 'backlog_item', id, 'del', null);
  await writeAudit(tx, actor.userId, 'backlog.delete', 'backlog_item', id);
}
