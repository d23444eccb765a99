import { fileURLToPath } from 'node:url';
import { defineServerFeature } from '../../platform/server-feature';
import { installSelfService, selfServiceRoutesOf } from './install';
import { selfServiceMutations } from './mutations';
import './public';

/**
 * Service templates and creation, deployments, rollbacks, live logs, health (incidents, alert
 * rules), guardrails and cost.
 */
export const selfServiceFeature = defineServerFeature({
  name: 'self-service',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  syncedEntities: ['deployment', 'alert_rule', 'incident', 'version'],
  install: installSelfService,
  routes: selfServiceRoutesOf,
  mutations: () => selfServiceMutations,
});
