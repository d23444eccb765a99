import { fileURLToPath } from 'node:url';
import { defineServerFeature } from '../../platform/server-feature';
import { installOperations } from './install';
import { operationRoutes } from './routes';

/** Jobs: the operation entity, its REST and SSE routes, and the worker that runs executors. */
export const operationsFeature = defineServerFeature({
  name: 'operations',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  syncedEntities: ['operation'],
  install: installOperations,
  routes: ({ app, pool, streams }) =>
    void app.register(operationRoutes, {
      pool,
      executors: app.operations.executors,
      hub: app.operations.events,
      streams,
    }),
});
