import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import type { SyncEntity } from '../../shared/contract';
import type { Tx } from '../db/transaction';
import type { EventStreams } from '../http/event-stream';
import type { DemoDirectory } from '../directory/demo';
import type { Picker } from '../../shared/domain/seeded-random';
import type { MutationDefinition } from '../sync/mutation-registry';

/** The platform's Fastify instance: zod schemas type every route's input and output. */
export type PlatformApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Settings of one platform process, as the CLI reads them from its flags or a test passes them.
 * A feature adds its own settings to this interface (module augmentation in its public.ts).
 */
export interface PlatformOptions {
  /** Platform data dir (service repositories, runtime); absent = no templates or deploys here. */
  dataDir?: string;
}

/** What every feature's install, routes and mutations get: one shape for all of them. */
export interface FeatureContext {
  app: PlatformApp;
  pool: Pool;
  options: PlatformOptions;
  /** The app's open SSE streams; open one with `streams.open(reply)`. */
  streams: EventStreams;
  log: FastifyBaseLogger;
}

/**
 * A feature of the platform API (docs/architecture.md, "Features"): everything it adds to the
 * core. server/features.ts lists them; the core builds the app and the database from that list.
 */
export interface ServerFeature {
  readonly name: string;
  /** Folder of this feature's `NNN_name.sql` migrations (versions are unique across the platform). */
  readonly migrationsDir?: string;
  /** The entities this feature writes to the change log (`recordChange`). */
  readonly syncedEntities: readonly SyncEntity[];
  /**
   * Services other features use (Fastify decorators), executors and background loops. Every
   * feature's install runs, in list order, before any feature's routes or mutations.
   */
  install?(ctx: FeatureContext): void;
  routes?(ctx: FeatureContext): void;
  /** The push mutations this feature serves at /v1/sync/push. */
  mutations?(ctx: FeatureContext): readonly MutationDefinition[];
  /** Writes this feature's share of the demo organization, in list order, in a transaction. */
  seed?(tx: Tx, demo: DemoSeed): Promise<void>;
  /**
   * Its demo share is written with the directory, before the platform serves (the app's first
   * screen); the other shares follow once it serves (server/platform/seed-demo.ts).
   */
  seedFirst?: boolean;
}

/**
 * What each feature's `seed` gets (docs/architecture.md, "Features"). `rng` is the directory's
 * picker, continued where the directory left it: for a `seedFirst` feature after the earlier
 * first ones' draws (it keeps the demo data identical only as long as it keeps its place in
 * server/features.ts); for any other, fresh from the directory, so a seed resumed after a restart
 * draws the same.
 */
export interface DemoSeed {
  seed: number;
  rng: Picker;
  directory: DemoDirectory;
  /** Seeding time, for data that must look live (support SLA clocks). */
  now: string;
}

/** Declares a feature (the type check happens here, not in the list). */
export const defineServerFeature = (feature: ServerFeature): ServerFeature => feature;
