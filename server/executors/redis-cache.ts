import type { Resource } from '../../shared/features/resources/api';
import { resourceObjectName, type ResourceDriver } from '../resources/resource-driver';
import { redisEndpoint, redisUserUrl, withRedisAdmin, type RedisCommand } from './redis-admin';

export const cacheKeyPrefix = (resource: Pick<Resource, 'id'>): string => `res:${resource.id}:`;

/**
 * A cache is an ACL user confined to its key (and channel) prefix: `reset` makes a re-run converge
 * to exactly these rules, and -@dangerous keeps it away from KEYS, FLUSHALL, CONFIG and friends.
 */
async function setCacheUser(command: RedisCommand, resource: Resource, password: string): Promise<void> {
  const prefix = cacheKeyPrefix(resource);
  await command([
    'ACL',
    'SETUSER',
    resourceObjectName(resource),
    'reset',
    'on',
    `>${password}`,
    `~${prefix}*`,
    `&${prefix}*`,
    '+@all',
    '-@dangerous',
  ]);
}

export function createRedisCacheDriver(redisUrl: string): ResourceDriver {
  return {
    async provision(resource, password, log) {
      const user = resourceObjectName(resource);
      await withRedisAdmin(redisUrl, (command) => setCacheUser(command, resource, password));
      await log(`ACL user ${user} set, confined to keys ${cacheKeyPrefix(resource)}*`);
      return {
        connection: { ...redisEndpoint(redisUrl), user, keyPrefix: cacheKeyPrefix(resource) },
        secrets: {
          REDIS_URL: redisUserUrl(redisUrl, user, password),
          REDIS_PREFIX: cacheKeyPrefix(resource),
        },
      };
    },
    async deprovision(resource, log) {
      const user = resourceObjectName(resource);
      await withRedisAdmin(redisUrl, async (command) => {
        await command(['ACL', 'DELUSER', user]);
        await command(['CLIENT', 'KILL', 'USER', user]).catch(() => undefined);
        let cursor = '0';
        let removed = 0;
        do {
          const [next, keys] = (await command([
            'SCAN',
            cursor,
            'MATCH',
            `${cacheKeyPrefix(resource)}*`,
            'COUNT',
            '500',
          ])) as [string, string[]];
          cursor = next;
          if (keys.length) removed += Number(await command(['UNLINK', ...keys]));
        } while (cursor !== '0');
        await log(`ACL user ${user} deleted, ${removed} key(s) removed`);
      });
    },
    async rotate(resource, password) {
      await withRedisAdmin(redisUrl, (command) => setCacheUser(command, resource, password));
      return { REDIS_URL: redisUserUrl(redisUrl, resourceObjectName(resource), password) };
    },
  };
}
