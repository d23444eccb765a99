import type { Pool } from 'pg';
import { writeAudit } from '../audit/audit-log';
import { seedDemoBacklog } from '../backlog/demo-backlog';
import { updateOrg } from '../catalog/org';
import { createService } from '../catalog/services';
import { createTeam } from '../catalog/teams';
import { createUser } from '../catalog/users';
import { withTransaction } from '../db/transaction';
import { DEMO_SEED, generateDemoCatalog } from './demo-catalog';

/** True when the org has no teams or services yet: the only time seeding is allowed. */
export async function isCatalogEmpty(pool: Pool): Promise<boolean> {
  const { rows } = await pool.query<{ empty: boolean }>(
    'SELECT NOT EXISTS (SELECT 1 FROM teams) AND NOT EXISTS (SELECT 1 FROM services) AS empty',
  );
  return rows[0]?.empty ?? false;
}

/**
 * Writes the demo catalog through the same functions the API uses, so it lands in the change
 * log and the audit trail like any other write. One transaction: all or nothing.
 */
export async function seedDemo(pool: Pool, seed: number = DEMO_SEED): Promise<void> {
  const catalog = generateDemoCatalog(seed);
  await withTransaction(pool, async (tx) => {
    await updateOrg(tx, { name: catalog.orgName, isDemo: true });
    for (const team of catalog.teams) await createTeam(tx, null, team.input, team);
    for (const user of catalog.users) await createUser(tx, null, user.input, user);
    for (const service of catalog.services) await createService(tx, null, service.input, service);
    await seedDemoBacklog(
      tx,
      catalog.teams.map((t) => t.id),
      catalog.users.map((u) => ({ id: u.id, role: u.input.role, teamIds: u.input.teamIds })),
      seed,
      catalog.teams[0]?.at ?? new Date().toISOString(),
    );
    await writeAudit(tx, null, 'seed.demo', 'org', 'org', { seed });
  });
}
