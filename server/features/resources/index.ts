import { fileURLToPath } from 'node:url';
import { defineServerFeature, type FeatureContext } from '../../platform/server-feature';
import { registerResourceExecutors } from './executors';
import { resourceMutations } from './mutations';
import type { ResourceConfig } from './config';
import { driverFor } from './resource-drivers';
import './public';
import { getResource } from './store';
import { resourceRoutes } from './routes';

const configOf = ({ pool, options }: FeatureContext): ResourceConfig => ({
  resourceDatabaseUrl: options.resourceDatabaseUrl ?? pool.options.connectionString ?? '',
  redisUrl: options.redisUrl ?? null,
});

/** Databases, caches and queues per service: real systems, provisioned by operations. */
export const resourcesFeature = defineServerFeature({
  name: 'resources',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  syncedEntities: ['resource'],
  install(ctx) {
    const config = configOf(ctx);
    registerResourceExecutors(ctx.app.operations.executors, config);
    // A resource's credentials rotate on the real system first (ALTER ROLE / ACL SETUSER).
    ctx.app.secretRotation.resourceCredentials = async (resourceId, password) => {
      const resource = await getResource(ctx.pool, resourceId);
      return driverFor(config, resource.kind).rotate(resource, password);
    };
  },
  routes: (ctx) => void ctx.app.register(resourceRoutes, { pool: ctx.pool, config: configOf(ctx) }),
  // Whether caches and queues can be provisioned depends on this app's Redis configuration.
  mutations: (ctx) => resourceMutations(configOf(ctx)),
});
