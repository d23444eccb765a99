import type { ResourceKind } from '../../../shared/features/resources/api';
import { createPostgresDriver } from './drivers/postgres-resource';
import { createQueueStreamDriver } from './drivers/queue-stream';
import { createRedisCacheDriver } from './drivers/redis-cache';
import { ExecutorError } from '../operations/public';
import { REDIS_NOT_CONFIGURED_MESSAGE, type ResourceConfig } from './config';
import type { ResourceDriver } from './resource-driver';

export function driverFor(config: ResourceConfig, kind: ResourceKind): ResourceDriver {
  if (kind === 'postgres') return createPostgresDriver(config.resourceDatabaseUrl);
  if (!config.redisUrl) throw new ExecutorError('redis_not_configured', REDIS_NOT_CONFIGURED_MESSAGE);
  return kind === 'cache'
    ? createRedisCacheDriver(config.redisUrl)
    : createQueueStreamDriver(config.redisUrl);
}
