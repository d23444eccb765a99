import { fileURLToPath } from 'node:url';
import { defineServerFeature } from '../../platform/server-feature';
import { eventsRoutes } from './routes';

/** What the platform did, as timestamped events for the metrics (pushes, runs, deploys, …). */
export const eventsFeature = defineServerFeature({
  name: 'events',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  syncedEntities: ['platform_event'],
  routes: ({ app, pool }) => void app.register(eventsRoutes, { pool }),
});
