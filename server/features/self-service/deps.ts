import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type { LocalRuntime } from './runtime/local-runtime';

/** What the self-service executors need, passed in so tests can shorten timeouts. */
export interface SelfServiceDeps {
  pool: Pool;
  runtime: LocalRuntime;
  dataDir: string;
  templatesDir: string;
  /** How long a new version has to pass its health check before the deploy fails. */
  healthTimeoutMs: number;
  /** Between two canary analysis ticks (counts refreshed, decisions taken, manual requests read). */
  canaryTickMs: number;
  /** Aborted when the platform starts closing: running canaries end aborted, stable serving. */
  stopping: AbortSignal;
  /** Running canary analyses, awaited before the runtime closes. */
  canaries: Set<Promise<unknown>>;
  readSecrets(serviceId: string, environment: EnvironmentName): Promise<Record<string, string>>;
  /** What other features add to a started process's environment (app.selfService.processEnv). */
  processEnv(serviceId: string, environment: EnvironmentName): Promise<Record<string, string>>;
}

/** The slice of an operation's context the deploy code uses (see server/features/operations/executor-registry.ts). */
export interface StepReporter {
  operationId: string | null;
  requestedBy: string;
  log(message: string, level?: 'info' | 'warn' | 'error'): Promise<void>;
  progress(fraction: number, step?: string): Promise<void>;
  redact(value: string): void;
}
