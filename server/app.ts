import type { Pool } from 'pg';
import type { PlatformSetup } from '../shared/ipc/platform-setup';
import packageJson from '../package.json' with { type: 'json' };
import { installPlainErrors } from '../shared/api/plain-errors';
import { installMaintenance } from './maintenance/maintenance';
import { buildPlatform, type PlatformAppOptions } from './platform/build-platform';
import {
  migrationDirsOf,
  prepareDatabase as preparePlatformDatabase,
  type SeedChoice,
} from './platform/prepare-database';
import type { PlatformApp } from './platform/server-feature';
import { seedDemo as seedPlatformDemo } from './platform/seed-demo';
import { serverFeatures } from './features';

/**
 * What the CLI and the tests pass: the pool, Fastify's logger and version, the platform settings
 * (the core's and each feature's, see PlatformOptions) and any extra push mutations.
 */
export interface AppOptions extends Omit<PlatformAppOptions, 'version'> {
  version?: string;
}

/** The whole platform API on one pool: the core with server/features.ts plugged in. */
export function buildApp({ version = packageJson.version, ...options }: AppOptions): PlatformApp {
  // Validation messages in plain words for API callers too (docs/architecture.md, "Rules").
  installPlainErrors();
  const app = buildPlatform(serverFeatures, { ...options, version });
  // Prunes tombstones, push results and expired Idempotency-Keys on a schedule (server/maintenance).
  installMaintenance(app, options.pool, options.maintenance);
  return app;
}

/** Every migrations folder of this platform (the core's, then each feature's). */
export const migrationDirs: readonly string[] = migrationDirsOf(serverFeatures);

/** Migrations, the org row, the demo organization (into an empty org only) and the admin user. */
export function prepareDatabase(
  pool: Pool,
  options: { seed: SeedChoice; onSetup?: (setup: PlatformSetup) => void },
): Promise<void> {
  return preparePlatformDatabase(pool, serverFeatures, options);
}

/** Seeds the demo organization (the directory, then every feature's share). */
export function seedDemo(pool: Pool, seed?: number): Promise<void> {
  return seedPlatformDemo(pool, serverFeatures, seed);
}
