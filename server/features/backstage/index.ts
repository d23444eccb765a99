import { fileURLToPath } from 'node:url';
import { defineServerFeature } from '../../platform/server-feature';
import { catalogOnPush } from './catalog-on-push';
import { importExecutor } from './import-executor';
import { backstageRoutes } from './routes';

/**
 * Backstage catalog import and export (issue 14): Components, Groups, Systems and APIs in and
 * out as Backstage YAML, and catalog-info.yaml pushes that update a service's entry. Installs
 * after the catalog, operations (its executor), self-service and git (its push listener) and
 * pipelines (whose run for the same push gets the `[catalog]` line).
 */
export const backstageFeature = defineServerFeature({
  name: 'backstage',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  syncedEntities: [],
  install({ app, pool, log }) {
    app.operations.executors.registerExecutor('catalog.import', importExecutor(pool));
    app.git.onPush.push(catalogOnPush(pool, log));
  },
  routes: ({ app, pool }) => void app.register(backstageRoutes, { pool }),
});
