import { defineServerFeature } from '../../platform/server-feature';
import { tokenRoutes } from './routes';

/**
 * Personal access tokens with a lifecycle: create, list, revoke (issue 13, finding 6). Checking a
 * token on each request stays in the core (server/auth): every route rests on it.
 */
export const tokensFeature = defineServerFeature({
  name: 'tokens',
  syncedEntities: [],
  routes: ({ app, pool }) => void app.register(tokenRoutes, { pool }),
});
