import type { Resource } from '../../shared/features/resources/api';
import { resourceObjectName, type ResourceDriver } from '../resources/resource-driver';
import { redisEndpoint, redisUserUrl, withRedisAdmin, type RedisCommand } from './redis-admin';

export const QUEUE_GROUP = 'workers';
export const queueStreamKey = (resource: Pick<Resource, 'id'>): string => `res:${resource.id}:stream`;

/** The queue's user may touch its one stream with stream commands only (plus connection basics). */
async function setQueueUser(command: RedisCommand, resource: Resource, password: string): Promise<void> {
  await command([
    'ACL',
    'SETUSER',
    resourceObjectName(resource),
    'reset',
    'on',
    `>${password}`,
    `~${queueStreamKey(resource)}`,
    'resetchannels',
    '-@all',
    '+@stream',
    '+@connection',
  ]);
}

export function createQueueStreamDriver(redisUrl: string): ResourceDriver {
  return {
    async provision(resource, password, log) {
      const user = resourceObjectName(resource);
      const stream = queueStreamKey(resource);
      await withRedisAdmin(redisUrl, async (command) => {
        try {
          await command(['XGROUP', 'CREATE', stream, QUEUE_GROUP, '$', 'MKSTREAM']);
          await log(`stream ${stream} with consumer group ${QUEUE_GROUP} created`);
        } catch (error) {
          // A re-run finds the group: that is the state we want.
          if (!String(error).includes('BUSYGROUP')) throw error;
          await log(`stream ${stream} and group ${QUEUE_GROUP} already exist`);
        }
        await setQueueUser(command, resource, password);
      });
      await log(`ACL user ${user} set, limited to ${stream}`);
      return {
        connection: { ...redisEndpoint(redisUrl), user, stream, group: QUEUE_GROUP },
        secrets: {
          QUEUE_URL: redisUserUrl(redisUrl, user, password),
          QUEUE_STREAM: stream,
          QUEUE_GROUP,
        },
      };
    },
    async deprovision(resource, log) {
      const user = resourceObjectName(resource);
      await withRedisAdmin(redisUrl, async (command) => {
        await command(['ACL', 'DELUSER', user]);
        await command(['CLIENT', 'KILL', 'USER', user]).catch(() => undefined);
        await command(['DEL', queueStreamKey(resource)]);
      });
      await log(`ACL user ${user} and stream ${queueStreamKey(resource)} deleted`);
    },
    async rotate(resource, password) {
      await withRedisAdmin(redisUrl, (command) => setQueueUser(command, resource, password));
      return { QUEUE_URL: redisUserUrl(redisUrl, resourceObjectName(resource), password) };
    },
  };
}
