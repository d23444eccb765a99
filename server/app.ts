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
import { backlogRoutes } from './backlog/backlog-routes';
import { installErrorHandlers } from './http/error-handler';
import { ExecutorRegistry } from './operations/executors';
import { installOperations, type OperationsOptions } from './operations/install-operations';
import { installSelfService, type SelfServiceOptions } from './deployments/install-self-service';
import { registerResourceExecutors } from './resources/resource-executors';
import { resourceMutations } from './resources/resource-mutations';
import { resourceRoutes } from './resources/resource-routes';
import { installIdempotency } from './http/idempotency-route';
import { platformRoutes } from './routes/platform';
import { serviceRoutes } from './routes/services';
import { syncRoutes } from './routes/sync';
import { teamRoutes } from './routes/teams';
import { userRoutes } from './routes/users';
import { secretRoutes } from './secrets/secret-routes';
import { supportRoutes } from './support/support-routes';
import { surveyRoutes } from './surveys/survey-routes';
import { startChangeNotifier } from './sync/change-notifier';
import type { MutationDefinition } from './sync/mutation-registry';
import { mutations as defaultMutations } from './sync/mutations';
import { pushRoutes } from './sync/push-route';

export interface AppOptions {
  pool: Pool;
  logger?: FastifyServerOptions['logger'];
  version?: string;
  /** Executors by operation kind; the app adds the built-in ones (tests may pre-register more). */
  executors?: ExecutorRegistry;
  /** Operations worker tuning; false = serve the API but run no jobs in this process. */
  operationsWorker?: OperationsOptions['worker'];
  /** Admin URL of the cluster resource databases go to (default: this pool's cluster). */
  resourceDatabaseUrl?: string;
  /** Redis for caches and queues; absent = those are rejected with redis_not_configured. */
  redisUrl?: string | null;
  /** Platform data dir (service repositories, runtime); absent = no templates/deploys in this process. */
  dataDir?: string;
  /** Health-check cadence and deploy health timeout (tests shorten them). */
  selfService?: Pick<SelfServiceOptions, 'healthIntervalMs' | 'healthTimeoutMs'>;
  /** Push mutations served at /v1/sync/push (default: server/sync/mutations.ts); tests add their own. */
  mutations?: readonly MutationDefinition[];
}

// Catalog writes are small; anything bigger is a mistake or an attack.
const BODY_LIMIT_BYTES = 1024 * 1024;

/** The whole platform API on one pool; the CLI and the tests both build it here. */
export function buildApp({
  pool,
  logger = false,
  version = packageJson.version,
  executors = new ExecutorRegistry(),
  operationsWorker,
  resourceDatabaseUrl,
  redisUrl = null,
  dataDir,
  selfService,
  mutations,
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
  installIdempotency(app, pool);

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
  void app.register(backlogRoutes, { pool });
  void app.register(supportRoutes, { pool });
  void app.register(surveyRoutes, { pool });
  const resourceConfig = {
    resourceDatabaseUrl: resourceDatabaseUrl ?? pool.options.connectionString ?? '',
    redisUrl,
  };
  registerResourceExecutors(executors, resourceConfig);
  if (dataDir) installSelfService(app, { pool, executors, streams, dataDir, ...selfService });
  installOperations(app, { pool, executors, streams, worker: operationsWorker });
  void app.register(resourceRoutes, { pool, config: resourceConfig });
  void app.register(secretRoutes, { pool, config: resourceConfig });
  // Resource mutations need this app's Redis configuration, so they join the list here.
  void app.register(pushRoutes, {
    pool,
    mutations: mutations ?? [...defaultMutations, ...resourceMutations(resourceConfig)],
  });
  return app;
}
