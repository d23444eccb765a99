// The resources feature's public entry: the settings it adds to the platform's options.

declare module '../../platform/server-feature' {
  interface PlatformOptions {
    /** Admin URL of the cluster resource databases go to (default: the platform's own cluster). */
    resourceDatabaseUrl?: string;
    /** Redis for caches and queues; absent = those are rejected with redis_not_configured. */
    redisUrl?: string | null;
  }
}

export {};
