import { defineServerFeature } from '../../platform/server-feature';
import { gitRoutes } from './git-routes';
import type { GitExtensions } from './public';
import { repositoryRoutes } from './repository-routes';

/**
 * Git hosting (issue 9 §1): every service's platform-owned repository over git's smart HTTP at
 * /git/<service>.git, authenticated by Pave token and authorized by team; each push is recorded
 * as an event and announced to `app.git.onPush` (pipelines start runs there).
 */
export const gitFeature = defineServerFeature({
  name: 'git',
  syncedEntities: [],
  install: ({ app, options }) => {
    const extensions: GitExtensions = { onPush: [...(options.git?.onPush ?? [])] };
    app.decorate('git', extensions);
  },
  routes: ({ app, pool, options }) => {
    void app.register(repositoryRoutes, { pool });
    // Repositories live in the data dir; without one there is nothing to serve.
    if (options.dataDir)
      void app.register(gitRoutes, { pool, dataDir: options.dataDir, extensions: app.git });
  },
});
