import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { startHealthMonitor, type HealthMonitor } from '../health/health-monitor';
import type { ExecutorRegistry } from '../operations/executors';
import { LocalRuntime } from '../runtime/local-runtime';
import { readSecretsForDeploy } from '../secrets/process-secrets';
import { defaultTemplatesDir } from '../templates/render-template';
import { recoverDeployments } from './recover-deployments';
import { registerSelfServiceExecutors } from './self-service-executors';
import { selfServiceRoutes } from './self-service-routes';
import type { SelfServiceDeps } from './self-service-deps';

export interface SelfServiceOptions {
  pool: Pool;
  executors: ExecutorRegistry;
  streams: Set<() => void>;
  /** The platform data dir: repositories/ and runtime/ live here. */
  dataDir: string;
  healthIntervalMs?: number;
  healthTimeoutMs?: number;
}

/**
 * Templates, deploys, logs, health and cost in this server process: executors for service.create,
 * service.deploy and service.rollback, their routes, the local runtime (restarting live versions on
 * start) and the health monitor. Service processes stop with the server.
 */
export function installSelfService(app: FastifyInstance, options: SelfServiceOptions): SelfServiceDeps {
  const { pool } = options;
  const runtime = new LocalRuntime(options.dataDir);
  const deps: SelfServiceDeps = {
    pool,
    runtime,
    dataDir: options.dataDir,
    templatesDir: defaultTemplatesDir,
    healthTimeoutMs: options.healthTimeoutMs ?? 20_000,
    readSecrets: (serviceId, environment) => readSecretsForDeploy(pool, serviceId, environment),
  };
  registerSelfServiceExecutors(options.executors, deps);
  const onError = (error: unknown) => app.log.warn({ err: error }, 'self-service');
  let monitor: HealthMonitor | null = null;
  app.addHook('onReady', async () => {
    // Not awaited: the API serves while old versions come back (each within the health timeout).
    void recoverDeployments(deps, onError).finally(() => {
      monitor = startHealthMonitor({ pool, runtime, intervalMs: options.healthIntervalMs ?? 5000, onError });
    });
  });
  app.addHook('onClose', async () => {
    await monitor?.stop();
    await runtime.close();
  });
  void app.register(selfServiceRoutes, { pool, runtime, streams: options.streams });
  return deps;
}
