import type { FeatureContext, PlatformApp } from '../../platform/server-feature';
import { readSecretsForDeploy } from '../secrets/public';
import { recoverDeployments } from './deployments/recover-deployments';
import { registerSelfServiceExecutors } from './executors';
import { isLiveDeployment, openIncidentsOnCrash } from './health/crash-incidents';
import { startHealthMonitor, type HealthMonitor } from './health/health-monitor';
import { selfServiceRoutes } from './routes';
import { LocalRuntime } from './runtime/local-runtime';
import type { SelfServiceDeps } from './deps';
import type { SelfServiceExtensions } from './public';
import { defaultTemplatesDir } from './templates/render-template';
import { recordDataDir } from './versions/data-dir';

// Each app's self-service wiring, for its routes (absent when the app has no data dir).
const installed = new WeakMap<PlatformApp, SelfServiceDeps>();

/**
 * Templates, deploys, logs, health and cost in this server process: executors for service.create,
 * service.deploy and service.rollback, the local runtime (restarting live versions on start) and
 * the health monitor. Service processes stop with the server. Needs the platform data dir.
 */
export function installSelfService({ app, pool, options, log }: FeatureContext): void {
  const extensions: SelfServiceExtensions = { processEnv: [] };
  app.decorate('selfService', extensions);
  if (!options.dataDir) return;
  const runtime = new LocalRuntime(options.dataDir, {
    ...options.serviceRuntime,
    shouldRestart: (spec) => isLiveDeployment(pool, spec.deploymentId),
  });
  const stopping = new AbortController();
  const deps: SelfServiceDeps = {
    pool,
    runtime,
    dataDir: options.dataDir,
    templatesDir: defaultTemplatesDir,
    healthTimeoutMs: options.selfService?.healthTimeoutMs ?? 20_000,
    canaryTickMs: options.selfService?.canaryTickMs ?? 1000,
    stopping: stopping.signal,
    canaries: new Set(),
    readSecrets: (serviceId, environment) => readSecretsForDeploy(pool, serviceId, environment),
    processEnv: async (serviceId, environment) => {
      const parts = await Promise.all(extensions.processEnv.map((add) => add(serviceId, environment)));
      return Object.assign({}, ...parts) as Record<string, string>;
    },
  };
  installed.set(app, deps);
  registerSelfServiceExecutors(app.operations.executors, deps);
  const onError = (error: unknown) => log.warn({ err: error }, 'self-service');
  openIncidentsOnCrash(runtime, pool, onError);
  let monitor: HealthMonitor | null = null;
  const dataDir = options.dataDir;
  app.addHook('onReady', async () => {
    await recordDataDir(pool, dataDir);
    // Not awaited: the API serves while old versions come back (each within the health timeout).
    // A platform closed while it recovers ends its pool under the recovery: that failure is the
    // shutdown's, not news, and no monitor starts after it.
    void recoverDeployments(deps, onError)
      .catch((error: unknown) => {
        if (!stopping.signal.aborted) onError(error);
      })
      .then(() => {
        if (stopping.signal.aborted) return;
        monitor = startHealthMonitor({
          pool,
          runtime,
          intervalMs: options.selfService?.healthIntervalMs ?? 5000,
          onError,
        });
      });
  });
  // Before anything closes (the worker drains, the pool ends): running canaries end aborted with
  // the stable version serving, so a restart never finds traffic split with nobody deciding.
  app.addHook('preClose', async () => {
    stopping.abort();
    await Promise.all([...deps.canaries]);
  });
  app.addHook('onClose', async () => {
    await monitor?.stop();
    await runtime.close();
  });
}

export function selfServiceRoutesOf({ app, pool, streams }: FeatureContext): void {
  const deps = installed.get(app);
  if (deps) void app.register(selfServiceRoutes, { pool, runtime: deps.runtime, streams });
}
