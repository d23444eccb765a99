import type { Pool } from 'pg';
import { withTransaction } from '../db/transaction';
import { createUser, updateUser } from './users';

export const ADMIN_USER_ID = 'admin';
/** The admin the embedded platform signs in as; restored to role admin if someone demoted it. */
export async function ensureAdminUser(pool: Pool): Promise<string> {
  await withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ role: string }>('SELECT role FROM users WHERE id = $1 FOR UPDATE', [
      ADMIN_USER_ID,
    ]);
    if (!rows[0]) {
      await createUser(
        tx,
        null,
        { name: 'Pave Admin', email: 'admin@pave.local', role: 'admin', teamIds: [] },
        { id: ADMIN_USER_ID },
      );
    } else if (rows[0].role !== 'admin') {
      await updateUser(tx, null, ADMIN_USER_ID, { role: 'admin' });
    }
  });
  return ADMIN_USER_ID;
}
