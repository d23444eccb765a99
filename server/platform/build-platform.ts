import swagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { installAuthentication } from '../auth/authenticate';
import { platformRoutes } from '../directory/platform-routes';
import { teamRoutes } from '../directory/teams-routes';
import { userRoutes } from '../directory/users-routes';
import { frameworkErrors, installErrorHandlers } from '../http/error-handler';
import { EventStreams } from '../http/event-stream';
import { installIdempotency } from '../idempotency/idempotency-route';
import { syncRoutes } from '../sync/changes-routes';
import { startChangeNotifier } from '../sync/change-notifier';
import type { MutationDefinition } from '../sync/mutation-registry';
import { pushRoutes } from '../sync/push-route';
import type { FeatureContext, PlatformApp, PlatformOptions, ServerFeature } from './server-feature';

export interface PlatformAppOptions extends PlatformOptions {
  pool: Pool;
  logger?: FastifyServerOptions['logger'];
  version: string;
  /** Push mutations served besides the features' own (tests add theirs). */
  mutations?: readonly MutationDefinition[];
}

// Catalog writes are small; anything bigger is a mistake or an attack.
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The core of the platform API (auth, errors, idempotency, the directory, the change log, the push
 * pipeline, OpenAPI) with `features` plugged in (docs/architecture.md, "Core").
 */
export function buildPlatform(features: readonly ServerFeature[], options: PlatformAppOptions): PlatformApp {
  const { pool, logger = false, version } = options;
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Keep-alive sockets must not hold close() open: a stopped server is unreachable at once.
    forceCloseConnections: true,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  installAuthentication(app, pool);
  installIdempotency(app, pool);

  const notifier = startChangeNotifier(pool, (error) => app.log.warn({ err: error }, 'change LISTEN failed'));
  const streams = new EventStreams();
  app.addHook('onReady', async () => notifier.ready);
  // Open SSE streams are hijacked responses; end them or close() would wait for them forever.
  app.addHook('preClose', async () => streams.endAll());
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
  void app.register(syncRoutes, { pool, notifier, streams });

  const ctx: FeatureContext = { app, pool, options, streams, log: app.log };
  for (const feature of features) feature.install?.(ctx);
  for (const feature of features) feature.routes?.(ctx);
  void app.register(pushRoutes, {
    pool,
    mutations: [
      ...features.flatMap((feature) => feature.mutations?.(ctx) ?? []),
      ...(options.mutations ?? []),
    ],
  });
  return app;
}
