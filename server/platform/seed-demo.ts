import type { Pool } from 'pg';
import { writeAudit } from '../audit/audit-log';
import { withTransaction } from '../db/transaction';
import { updateOrg } from '../directory/org';
import { createTeam } from '../directory/teams';
import { createUser } from '../directory/users';
import type { ServerFeature } from './server-feature';
import { DEMO_SEED, generateDemoDirectory } from '../directory/demo';
import { createPicker } from '../../shared/domain/seeded-random';

/** True when the org has no teams or services yet: the only time seeding is allowed. */
export async function isCatalogEmpty(pool: Pool): Promise<boolean> {
  const { rows } = await pool.query<{ empty: boolean }>(
    'SELECT NOT EXISTS (SELECT 1 FROM teams) AND NOT EXISTS (SELECT 1 FROM services) AS empty',
  );
  return rows[0]?.empty ?? false;
}

/**
 * Writes the demo organization through the same functions the API uses, so it lands in the change
 * log and the audit trail like any other write: the directory first, then each feature's share in
 * list order. One transaction: all or nothing.
 */
export async function seedDemo(
  pool: Pool,
  features: readonly ServerFeature[],
  seed: number = DEMO_SEED,
  /** Called before each part (the directory, then each feature with a seed), for setup progress. */
  onProgress?: (progress: { done: number; total: number; part: string }) => void,
): Promise<void> {
  const rng = createPicker(seed);
  const directory = generateDemoDirectory(rng);
  const now = new Date().toISOString();
  const seeding = features.filter((feature) => feature.seed);
  const total = seeding.length + 1;
  await withTransaction(pool, async (tx) => {
    onProgress?.({ done: 0, total, part: 'teams and people' });
    await updateOrg(tx, { name: directory.orgName, isDemo: true });
    for (const team of directory.teams) await createTeam(tx, null, team.input, team);
    for (const user of directory.users) await createUser(tx, null, user.input, user);
    for (const [index, feature] of seeding.entries()) {
      onProgress?.({ done: index + 1, total, part: feature.name });
      await feature.seed?.(tx, { seed, rng, directory, now });
    }
    await writeAudit(tx, null, 'seed.demo', 'org', 'org', { seed });
  });
}
