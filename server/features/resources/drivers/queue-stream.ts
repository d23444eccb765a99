import type { Resource } from '../../../../shared/features/resources/api';
import { resourceObjectName, type ResourceDriver } from '../resource-driver';
import { createRedisUserDriver } from './redis-admin';

export const QUEUE_GROUP = 'workers';
export const queueStreamKey = (resource: Pick<Resource, 'id'>): string => `res:${resource.id}:stream`;

/** A queue is a stream with one consumer group, and an ACL user that may touch only that stream. */
export function createQueueStreamDriver(redisUrl: string): ResourceDriver {
  return createRedisUserDriver(redisUrl, {
    urlSecret: 'QUEUE_URL',
    async prepare(command, resource, log) {
      const stream = queueStreamKey(resource);
      try {
        await command(['XGROUP', 'CREATE', stream, QUEUE_GROUP, '$', 'MKSTREAM']);
        await log(`stream ${stream} with consumer group ${QUEUE_GROUP} created`);
      } catch (error) {
        // A re-run finds the group: that is the state we want.
        if (!String(error).includes('BUSYGROUP')) throw error;
        await log(`stream ${stream} and group ${QUEUE_GROUP} already exist`);
      }
    },
    // Stream commands only (plus connection basics).
    async setUser(command, resource, password) {
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
    },
    describe: (resource) => ({
      connection: { stream: queueStreamKey(resource), group: QUEUE_GROUP },
      secrets: { QUEUE_STREAM: queueStreamKey(resource), QUEUE_GROUP },
      done: `ACL user ${resourceObjectName(resource)} set, limited to ${queueStreamKey(resource)}`,
    }),
    async cleanup(command, resource) {
      await command(['DEL', queueStreamKey(resource)]);
      return `ACL user ${resourceObjectName(resource)} and stream ${queueStreamKey(resource)} deleted`;
    },
  });
}
