import { fileURLToPath } from 'node:url';
import { defineServerFeature } from '../../platform/server-feature';
import { seedMetricsDemo } from './demo-seed';
import { metricsRoutes } from './routes';

/**
 * Delivery metrics (issue 10): DORA before and after the platform, adoption per capability,
 * onboarding time and ROI, computed in SQL over facts the platform's events and the imported
 * history fill (docs/architecture.md, "Numbers").
 */
export const metricsFeature = defineServerFeature({
  name: 'metrics',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  syncedEntities: [],
  routes: ({ app, pool }) => void app.register(metricsRoutes, { pool }),
  seed: seedMetricsDemo,
});
