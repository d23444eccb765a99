import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { pruneTombstones } from '../sync/prune';
import { pruneIdempotencyKeys } from './prune-idempotency-keys';
import { pruneMutationResults } from './prune-mutation-results';

/** How often and how much the platform prunes what it no longer needs. */
export interface MaintenanceOptions {
  /** Between the end of one run and the start of the next. */
  intervalMs: number;
  /** Rows each prune deletes per run at most, so a run never holds locks for long. */
  batchSize: number;
  /** Tombstones older than this are dropped; a desktop whose cursor is older resyncs (409). */
  tombstoneRetentionMs: number;
  /** Push results kept per client (more than one push batch of 100). */
  keepMutationResults: number;
}

export const defaultMaintenance: MaintenanceOptions = {
  intervalMs: 10 * 60_000,
  batchSize: 5_000,
  tombstoneRetentionMs: 30 * 24 * 3_600_000,
  keepMutationResults: 1_000,
};

declare module '../platform/server-feature' {
  interface PlatformOptions {
    /** The pruning schedule (tests shorten it); false turns it off. */
    maintenance?: Partial<MaintenanceOptions> | false;
  }
}

export interface MaintenanceReport {
  tombstones: number;
  mutationResults: number;
  idempotencyKeys: number;
}

/** One run: each prune bounded by batchSize, each in its own statement or transaction. */
export async function runMaintenance(
  pool: Pool,
  options: MaintenanceOptions,
  now: Date = new Date(),
): Promise<MaintenanceReport> {
  const olderThan = new Date(now.getTime() - options.tombstoneRetentionMs);
  const { pruned: tombstones } = await pruneTombstones(pool, olderThan, options.batchSize);
  const mutationResults = await pruneMutationResults(pool, options.keepMutationResults, options.batchSize);
  const idempotencyKeys = await pruneIdempotencyKeys(pool, options.batchSize);
  return { tombstones, mutationResults, idempotencyKeys };
}

/** The two calls of Fastify's logger the schedule makes. */
export interface MaintenanceLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface MaintenanceSchedule {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `runMaintenance` every intervalMs until stopped; a failed run is logged and the next one
 * tries again. The timer is unref'd: it never keeps the process alive on its own.
 */
export function startMaintenance(
  pool: Pool,
  options: MaintenanceOptions,
  log: MaintenanceLog,
  onRun: (report: MaintenanceReport) => void = () => {},
): MaintenanceSchedule {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = runMaintenance(pool, options)
      .then((report) => {
        if (report.tombstones + report.mutationResults + report.idempotencyKeys > 0)
          log.info({ pruned: report }, 'maintenance pruned old sync and idempotency records');
        onRun(report);
      })
      .catch((error: unknown) => log.warn({ err: error }, 'maintenance run failed; retrying next interval'))
      .finally(schedule);
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, options.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Starts the schedule when the app is ready and stops it (waiting for a run) when it closes. */
export function installMaintenance(
  app: FastifyInstance,
  pool: Pool,
  configured: Partial<MaintenanceOptions> | false | undefined,
): void {
  if (configured === false) return;
  const options = { ...defaultMaintenance, ...configured };
  let schedule: MaintenanceSchedule | null = null;
  app.addHook('onReady', async () => {
    schedule = startMaintenance(pool, options, app.log);
  });
  app.addHook('onClose', async () => {
    await schedule?.stop();
  });
}
