// The self-service feature's public entry: the settings it adds to the platform's options and
// its extension points (docs/architecture.md, "Features").
import type { EnvironmentName } from '../../../shared/features/catalog/api';

/**
 * Adds environment variables to every service process this platform starts (a flags endpoint and
 * its key, say). Called at each start, so a contribution may depend on the server's address.
 * Values are treated like secrets: redacted from captured output.
 */
export type ProcessEnvContribution = (
  serviceId: string,
  environment: EnvironmentName,
) => Promise<Record<string, string>>;

/** This app's self-service extension points. */
export interface SelfServiceExtensions {
  processEnv: ProcessEnvContribution[];
}

declare module 'fastify' {
  interface FastifyInstance {
    selfService: SelfServiceExtensions;
  }
}

declare module '../../platform/server-feature' {
  interface PlatformOptions {
    /** Health-check cadence and deploy health timeout (tests shorten them). */
    selfService?: { healthIntervalMs?: number; healthTimeoutMs?: number };
  }
}
