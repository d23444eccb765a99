import type { Pool } from 'pg';
import { idleSetup, type PlatformSetup } from '../../shared/ipc/platform-setup';
import { coreMigrationsDir, migrate } from '../db/migrate';
import { withTransaction } from '../db/transaction';
import { ensureAdminUser } from '../directory/admin-user';
import { ensureOrg } from '../directory/org';
import { isCatalogEmpty, seedDemo } from './seed-demo';
import type { ServerFeature } from './server-feature';

const DEFAULT_ORG_NAME = 'My Platform';

export type SeedChoice = 'demo' | 'none';

/** The core's migrations folder, then each feature's: `migrate` applies them all in version order. */
export const migrationDirsOf = (features: readonly ServerFeature[]): string[] => [
  coreMigrationsDir,
  ...features.flatMap((feature) => (feature.migrationsDir ? [feature.migrationsDir] : [])),
];

/**
 * Everything a fresh or existing database needs before serving: migrations, the org row, the
 * demo organization (only into an empty org) and the admin user. Safe to run on every start.
 */
export async function prepareDatabase(
  pool: Pool,
  features: readonly ServerFeature[],
  options: { seed: SeedChoice; onSetup?: (setup: PlatformSetup) => void },
): Promise<void> {
  const report = options.onSetup ?? (() => undefined);
  await migrate(pool, migrationDirsOf(features), ({ done, total }) =>
    report({ ...idleSetup, step: 'migrations', done, total }),
  );
  await withTransaction(pool, (tx) => ensureOrg(tx, DEFAULT_ORG_NAME).then(() => undefined));
  if (options.seed === 'demo' && (await isCatalogEmpty(pool))) {
    await seedDemo(pool, features, undefined, ({ done, total, part }) =>
      report({ ...idleSetup, step: 'seeding', done, total, detail: part }),
    );
  }
  await ensureAdminUser(pool);
}
