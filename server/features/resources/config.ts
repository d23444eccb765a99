/** Where resources are created; from the CLI flags / environment (server/cli.ts). */
export interface ResourceConfig {
  /** Admin URL of the PostgreSQL cluster databases are created on (default: the platform's own). */
  resourceDatabaseUrl: string;
  /** Admin URL of the Redis server for caches and queues; null = those kinds are unavailable. */
  redisUrl: string | null;
}

export const REDIS_NOT_CONFIGURED_MESSAGE =
  'Caches and queues need a Redis server, and this platform has none configured. Start the platform with --redis-url redis://… (or set REDIS_URL).';
