import type { Pool } from 'pg';
import { ensureOrg } from './catalog/org';
import { createUser, updateUser } from './catalog/users';
import { migrate } from './db/migrate';
import { withTransaction } from './db/transaction';
import { isCatalogEmpty, seedDemo } from './seed/demo';

export const ADMIN_USER_ID = 'admin';
const DEFAULT_ORG_NAME = 'My Platform';

export type SeedChoice = 'demo' | 'none';

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

/**
 * Everything a fresh or existing database needs before serving: migrations, the org row, the
 * demo catalog (only into an empty org) and the admin user. Safe to run on every start.
 */
export async function prepareDatabase(pool: Pool, options: { seed: SeedChoice }): Promise<void> {
  await migrate(pool);
  await withTransaction(pool, (tx) => ensureOrg(tx, DEFAULT_ORG_NAME).then(() => undefined));
  if (options.seed === 'demo' && (await isCatalogEmpty(pool))) await seedDemo(pool);
  await ensureAdminUser(pool);
}
