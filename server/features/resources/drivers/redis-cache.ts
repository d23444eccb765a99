import type { Resource } from '../../../../shared/features/resources/api';
import { resourceObjectName, type ResourceDriver } from '../resource-driver';
import { createRedisUserDriver } from './redis-admin';

export const cacheKeyPrefix = (resource: Pick<Resource, 'id'>): string => `res:${resource.id}:`;

/**
 * A cache is an ACL user confined to its key (and channel) prefix; -@dangerous keeps it away from
 * KEYS, FLUSHALL, CONFIG and friends.
 */
export function createRedisCacheDriver(redisUrl: string): ResourceDriver {
  return createRedisUserDriver(redisUrl, {
    urlSecret: 'REDIS_URL',
    async setUser(command, resource, password) {
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
    },
    describe: (resource) => ({
      connection: { keyPrefix: cacheKeyPrefix(resource) },
      secrets: { REDIS_PREFIX: cacheKeyPrefix(resource) },
      done: `ACL user ${resourceObjectName(resource)} set, confined to keys ${cacheKeyPrefix(resource)}*`,
    }),
    async cleanup(command, resource) {
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
      return `ACL user ${resourceObjectName(resource)} deleted, ${removed} key(s) removed`;
    },
  });
}
