import { fileURLToPath } from 'node:url';
import { defineServerFeature } from '../../platform/server-feature';
import { flagsMutations } from './mutations';
import { flagsProcessEnv } from './process-env';
import { flagsRoutes } from './routes';
import { flagsRuntimeRoutes } from './runtime-routes';

/**
 * Feature flags per service and environment: managed over REST and push mutations, read by the
 * running services through OpenFeature (the templates' Pave provider polls /v1/runtime/flags with
 * the key each process is started with). Installs after self-service, whose processEnv it feeds.
 */
export const flagsFeature = defineServerFeature({
  name: 'flags',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  syncedEntities: ['flag'],
  install: ({ app, pool }) => void app.selfService.processEnv.push(flagsProcessEnv(app, pool)),
  routes: ({ app, pool }) => {
    void app.register(flagsRoutes, { pool });
    void app.register(flagsRuntimeRoutes, { pool });
  },
  mutations: () => flagsMutations,
});
