import { createClient } from 'redis';

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
