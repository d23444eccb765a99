import { fileURLToPath } from 'node:url';
import { defineServerFeature } from '../../platform/server-feature';
import { seedDemoBacklog } from './demo';
import { backlogMutations } from './mutations';
import type { BacklogExtensions } from './public';
import { backlogRoutes } from './routes';

/** The platform backlog: items, team demand, the roadmap and the prioritization weights. */
export const backlogFeature = defineServerFeature({
  name: 'backlog',
  // 020 also created the support tables (one migration shipped both); support builds on the backlog.
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  syncedEntities: ['backlog_item', 'backlog_weights'],
  install({ app }) {
    const extensions: BacklogExtensions = { beforeItemDelete: [] };
    app.decorate('backlog', extensions);
  },
  routes: ({ app, pool }) => void app.register(backlogRoutes, { pool, extensions: app.backlog }),
  mutations: ({ app }) => backlogMutations(app.backlog),
  seed: seedDemoBacklog,
});
