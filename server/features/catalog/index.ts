import { defineServerFeature } from '../../platform/server-feature';
import { seedDemoServices } from './demo';
import { serviceUpdate } from './mutations';
import { catalogRoutes } from './routes';

/** The service catalog: services, environments, and the `service.update` edit. */
export const catalogFeature = defineServerFeature({
  name: 'catalog',
  syncedEntities: ['service', 'environment'],
  routes: ({ app, pool }) => void app.register(catalogRoutes, { pool }),
  mutations: () => [serviceUpdate],
  seed: seedDemoServices,
  // The first screen: written before the platform serves, the other demo shares after.
  seedFirst: true,
});
