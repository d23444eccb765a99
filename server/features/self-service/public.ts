// The self-service feature's public entry: the settings it adds to the platform's options.

declare module '../../platform/server-feature' {
  interface PlatformOptions {
    /** Health-check cadence and deploy health timeout (tests shorten them). */
    selfService?: { healthIntervalMs?: number; healthTimeoutMs?: number };
  }
}

export {};
