import type { Pool } from 'pg';
import { writeAudit } from '../audit/audit-log';
import { withTransaction, type Tx } from '../db/transaction';
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

export interface SeedProgress {
  done: number;
  total: number;
  part: string;
}

/** The directory's row in demo_seed_parts; every other part is named after its feature. */
const DIRECTORY_PART = 'teams and people';
/**
 * Written after the last part: a seeding feature added by a later version of Pave is not seeded
 * into a demo organization its people may have changed since.
 */
const COMPLETE = 'complete';

const seedingFeatures = (features: readonly ServerFeature[]) => features.filter((feature) => feature.seed);

/** Records `part` as written, in the transaction that writes it; false when it already was. */
async function claimPart(tx: Tx, part: string, seed: number, now: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'INSERT INTO demo_seed_parts (part, seed, started_at) VALUES ($1, $2, $3) ON CONFLICT (part) DO NOTHING',
    [part, seed, now],
  );
  return rowCount === 1;
}

/**
 * The first half of the demo organization (issue 12, "Start in a second"), written before the
 * platform serves: the directory, then the share of each feature marked `seedFirst` (the catalog,
 * the app's first screen), in one transaction. The rest follows with `seedDemoRest`.
 */
export async function seedDemoFirst(
  pool: Pool,
  features: readonly ServerFeature[],
  seed: number = DEMO_SEED,
  /** Called before each part (the directory, then each feature with a seed), for setup progress. */
  onProgress?: (progress: SeedProgress) => void,
): Promise<void> {
  const rng = createPicker(seed);
  const directory = generateDemoDirectory(rng);
  const now = new Date().toISOString();
  const total = seedingFeatures(features).length + 1;
  await withTransaction(pool, async (tx) => {
    onProgress?.({ done: 0, total, part: DIRECTORY_PART });
    await claimPart(tx, DIRECTORY_PART, seed, now);
    await updateOrg(tx, { name: directory.orgName, isDemo: true });
    for (const team of directory.teams) await createTeam(tx, null, team.input, team);
    for (const user of directory.users) await createUser(tx, null, user.input, user);
    for (const [index, feature] of seedingFeatures(features).entries()) {
      if (!feature.seedFirst) continue;
      onProgress?.({ done: index + 1, total, part: feature.name });
      await claimPart(tx, feature.name, seed, now);
      // The catalog draws from the directory's picker, continued: as it always has.
      await feature.seed?.(tx, { seed, rng, directory, now });
    }
    await writeAudit(tx, null, 'seed.demo', 'org', 'org', { seed });
  });
}

export interface SeedRestOptions {
  onProgress?: (progress: SeedProgress) => void;
  /** Checked between parts: a platform shutting down stops after the part it is writing. */
  stopped?: () => boolean;
}

/** Whether a demo seed was started (its first half written) and has parts still to write. */
export async function hasDemoSeedPending(pool: Pool): Promise<boolean> {
  const { rows } = await pool.query<{ part: string }>('SELECT part FROM demo_seed_parts');
  const written = new Set(rows.map((row) => row.part));
  return written.has(DIRECTORY_PART) && !written.has(COMPLETE);
}

/**
 * Writes the demo parts a started seed still lacks, each feature's share in a transaction of its
 * own that also records it: a seed interrupted at any point (the app killed while the platform
 * writes the metrics history) resumes on the next start with exactly the missing parts, with the
 * seed number and clock it started with. Does nothing when no demo seed was started.
 */
export async function seedDemoRest(
  pool: Pool,
  features: readonly ServerFeature[],
  options: SeedRestOptions = {},
): Promise<void> {
  const { rows } = await pool.query<{ part: string; seed: string; started_at: string }>(
    'SELECT part, seed, started_at FROM demo_seed_parts',
  );
  const first = rows.find((row) => row.part === DIRECTORY_PART);
  if (!first || rows.some((row) => row.part === COMPLETE)) return;
  const written = new Set(rows.map((row) => row.part));
  const seed = Number(first.seed);
  const now = first.started_at;
  const all = seedingFeatures(features);
  for (const [index, feature] of all.entries()) {
    if (feature.seedFirst || written.has(feature.name)) continue;
    if (options.stopped?.()) return;
    options.onProgress?.({ done: index + 1, total: all.length + 1, part: feature.name });
    // A picker fresh from the directory, the same in this process and after a restart.
    const rng = createPicker(seed);
    const directory = generateDemoDirectory(rng);
    await withTransaction(pool, async (tx) => {
      if (await claimPart(tx, feature.name, seed, now))
        await feature.seed?.(tx, { seed, rng, directory, now });
    });
  }
  if (options.stopped?.()) return;
  await withTransaction(pool, (tx) => claimPart(tx, COMPLETE, seed, now));
}

/**
 * Writes the whole demo organization through the same functions the API uses, so it lands in the
 * change log and the audit trail like any other write: the directory first, then each feature's
 * share in list order (the first half, then the rest; see seedDemoFirst and seedDemoRest).
 */
export async function seedDemo(
  pool: Pool,
  features: readonly ServerFeature[],
  seed: number = DEMO_SEED,
  onProgress?: (progress: SeedProgress) => void,
): Promise<void> {
  await seedDemoFirst(pool, features, seed, onProgress);
  await seedDemoRest(pool, features, onProgress ? { onProgress } : {});
}
