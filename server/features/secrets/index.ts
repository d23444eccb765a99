import { defineServerFeature } from '../../platform/server-feature';
import { configureSecretsKey } from './process-secrets';
import type { SecretRotation } from './public';
import { secretRoutes } from './routes';

/** Write-only secrets per service and environment, sealed with the platform's key. */
export const secretsFeature = defineServerFeature({
  name: 'secrets',
  // Its table comes with the resources' (011_resources_secrets.sql, one migration that shipped both).
  syncedEntities: ['secret'],
  install({ app, options }) {
    if (options.secretsKey) configureSecretsKey(options.secretsKey);
    const rotation: SecretRotation = { resourceCredentials: null };
    app.decorate('secretRotation', rotation);
  },
  routes: ({ app, pool }) => void app.register(secretRoutes, { pool, rotation: app.secretRotation }),
});
