import { metricsCommands } from '../../../../shared/features/metrics/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { metricsCacheMigration } from './cache-migration';
import { createMetricsHandlers } from './handlers';

/** Delivery metrics on the desktop: the platform's reports, fetched online and kept for offline. */
export const metricsBackend = defineBackendFeature({
  name: 'metrics',
  commands: metricsCommands,
  cacheMigrations: [metricsCacheMigration],
  // Cleared on a resync: another platform means other numbers.
  syncedTables: ['metrics_reports'],
  entityWriters: [],
  localMutators: [],
  handlers: createMetricsHandlers,
});
