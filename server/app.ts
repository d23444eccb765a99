import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import packageJson from '../package.json' with { type: 'json' };
import { installAuthentication } from './auth/authenticate';
import { installErrorHandlers } from './http/error-handler';
import { platformRoutes } from './routes/platform';
import { serviceRoutes } from './routes/services';
import { syncRoutes } from './routes/sync';
import { teamRoutes } from './routes/teams';
import { userRoutes } from './routes/users';
import { startChangeNotifier } from './sync/change-notifier';

export interface AppOptions {
  pool: Pool;
  logger?: FastifyServerOptions['logger'];
  version?: string;
}

// Catalog writes are small; anything bigger is a mistake or an attack.
const BODY_LIMIT_BYTES = 1024 * 1024;

/** The whole platform API on one pool; the CLI and the tests both build it here. */
export function buildApp({
  pool,
  logger = false,
  version = packageJson.version,
}: AppOptions): FastifyInstance {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Keep-alive sockets must not hold close() open: a stopped server is unreachable at once.
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  installAuthentication(app, pool);

  const notifier = startChangeNotifier(pool, (error) => app.log.warn({ err: error }, 'change LISTEN failed'));
  const streams = new Set<() => void>();
  app.addHook('onReady', async () => notifier.ready);
  // Open SSE streams are hijacked responses; end them or close() would wait for them forever.
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
  });
  app.addHook('onClose', async () => notifier.close());

  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Pave platform API', version },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'pave_… personal access token' },
        },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  void app.register(platformRoutes, { pool, version });
  void app.register(teamRoutes, { pool });
  void app.register(userRoutes, { pool });
  void app.register(serviceRoutes, { pool });
  void app.register(syncRoutes, { pool, notifier, streams });
  return app;
}
