import { createClient } from 'redis';
import type { Resource } from '../../../../shared/features/resources/api';
import { resourceObjectName, type DriverLog, type ResourceDriver } from '../resource-driver';

export type RedisCommand = (args: string[]) => Promise<unknown>;

/** One short-lived admin connection per step: jobs are rare, and nothing stays open between them. */
export async function withRedisAdmin<T>(
  redisUrl: string,
  work: (command: RedisCommand) => Promise<T>,
): Promise<T> {
  const client = createClient({ url: redisUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work((args) => client.sendCommand(args));
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** redis://user:password@host:port for a resource's own ACL user. */
export function redisUserUrl(redisUrl: string, user: string, password: string): string {
  const url = new URL(redisUrl);
  url.username = user;
  url.password = password;
  url.pathname = '';
  return url.toString();
}

export function redisEndpoint(redisUrl: string): { host: string; port: number } {
  const url = new URL(redisUrl);
  return { host: url.hostname, port: Number(url.port || 6379) };
}

/** What differs between the Redis-backed kinds (cache, queue); the rest is one ACL-user driver. */
export interface RedisUserKind {
  /** The secret that holds the ACL user's URL, e.g. REDIS_URL. */
  urlSecret: string;
  /** Sets the resource's ACL user (`reset` first, so a re-run converges to exactly these rules). */
  setUser(command: RedisCommand, resource: Resource, password: string): Promise<void>;
  /** Creates what the user is confined to, before the user (optional). */
  prepare?(command: RedisCommand, resource: Resource, log: DriverLog): Promise<void>;
  /** Connection info and secrets besides the endpoint, user and URL; and what provisioning logs. */
  describe(resource: Resource): {
    connection: Record<string, string>;
    secrets: Record<string, string>;
    done: string;
  };
  /** Removes the resource's data once its user is gone; returns what to log. */
  cleanup(command: RedisCommand, resource: Resource): Promise<string>;
}

/** A resource that is an ACL user on the configured Redis server, confined to its own keys. */
export function createRedisUserDriver(redisUrl: string, kind: RedisUserKind): ResourceDriver {
  return {
    async provision(resource, password, log) {
      const user = resourceObjectName(resource);
      await withRedisAdmin(redisUrl, async (command) => {
        await kind.prepare?.(command, resource, log);
        await kind.setUser(command, resource, password);
      });
      const { connection, secrets, done } = kind.describe(resource);
      await log(done);
      return {
        connection: { ...redisEndpoint(redisUrl), user, ...connection },
        secrets: { [kind.urlSecret]: redisUserUrl(redisUrl, user, password), ...secrets },
      };
    },
    async deprovision(resource, log) {
      const user = resourceObjectName(resource);
      const done = await withRedisAdmin(redisUrl, async (command) => {
        await command(['ACL', 'DELUSER', user]);
        await command(['CLIENT', 'KILL', 'USER', user]).catch(() => undefined);
        return kind.cleanup(command, resource);
      });
      await log(done);
    },
    async rotate(resource, password) {
      await withRedisAdmin(redisUrl, (command) => kind.setUser(command, resource, password));
      return { [kind.urlSecret]: redisUserUrl(redisUrl, resourceObjectName(resource), password) };
    },
  };
}
