import type { Pool } from 'pg';
import { idleSetup, type PlatformSetup } from '../../shared/ipc/platform-setup';
import { coreMigrationsDir, migrate } from '../db/migrate';
import { withTransaction } from '../db/transaction';
import { ensureAdminUser } from '../directory/admin-user';
import { ensureOrg } from '../directory/org';
import {
  hasDemoSeedPending,
  isCatalogEmpty,
  seedDemoFirst,
  seedDemoRest,
  type SeedProgress,
  type SeedRestOptions,
} from './seed-demo';
import type { ServerFeature } from './server-feature';

const DEFAULT_ORG_NAME = 'My Platform';

export type SeedChoice = 'demo' | 'none';

/** The core's migrations folder, then each feature's: `migrate` applies them all in version order. */
export const migrationDirsOf = (features: readonly ServerFeature[]): string[] => [
  coreMigrationsDir,
  ...features.flatMap((feature) => (feature.migrationsDir ? [feature.migrationsDir] : [])),
];

const seedingReport =
  (report: ((setup: PlatformSetup) => void) | undefined) =>
  ({ done, total, part }: SeedProgress) =>
    report?.({ ...idleSetup, step: 'seeding', done, total, detail: part });

/**
 * Everything a fresh or existing database needs before serving: migrations, the org row, the
 * demo organization (only into an empty org) and the admin user. Safe to run on every start.
 */
export async function prepareDatabase(
  pool: Pool,
  features: readonly ServerFeature[],
  options: { seed: SeedChoice; onSetup?: (setup: PlatformSetup) => void },
): Promise<void> {
  const seedRest = await prepareDatabaseToServe(pool, features, options);
  await seedRest?.({ onProgress: seedingReport(options.onSetup) });
}

/**
 * prepareDatabase up to what the first screen needs (issue 12, "Start in a second"): the demo
 * seed's first half only. Returns the rest of the seed for the caller to run once it serves (also
 * the rest of one an earlier run started and did not finish), or null when there is none.
 */
export async function prepareDatabaseToServe(
  pool: Pool,
  features: readonly ServerFeature[],
  options: { seed: SeedChoice; onSetup?: (setup: PlatformSetup) => void },
): Promise<((options?: SeedRestOptions) => Promise<void>) | null> {
  const report = options.onSetup ?? (() => undefined);
  await migrate(pool, migrationDirsOf(features), ({ done, total }) =>
    report({ ...idleSetup, step: 'migrations', done, total }),
  );
  await withTransaction(pool, (tx) => ensureOrg(tx, DEFAULT_ORG_NAME).then(() => undefined));
  if (options.seed === 'demo' && (await isCatalogEmpty(pool))) {
    await seedDemoFirst(pool, features, undefined, seedingReport(report));
  }
  await ensureAdminUser(pool);
  // Any seed, not only this run's: a seed cut short by a restart is finished whatever --seed says.
  if (!(await hasDemoSeedPending(pool))) return null;
  return (rest) => seedDemoRest(pool, features, rest ?? {});
}
