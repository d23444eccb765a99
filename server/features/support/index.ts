import { defineServerFeature } from '../../platform/server-feature';
import { seedDemoRequests } from './demo';
import { supportMutations } from './mutations';
import { unlinkRequestsFrom } from './store';
import { supportRoutes } from './routes';

/** Support requests: intake, replies, escalation, and links to the backlog items they ask for. */
export const supportFeature = defineServerFeature({
  name: 'support',
  // Its tables came with the backlog's (020_backlog_support.sql).
  syncedEntities: ['support_request'],
  install: ({ app }) => void app.backlog.beforeItemDelete.push(unlinkRequestsFrom),
  routes: ({ app, pool }) => void app.register(supportRoutes, { pool }),
  mutations: () => supportMutations,
  seed: seedDemoRequests,
});
