// The self-service feature's public entry: the settings it adds to the platform's options, its
// extension points, and what other features use of it: publish a built version, ask for a deploy,
// find a service's repository (docs/architecture.md, "Features").
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type { CanaryRequest } from '../../../shared/features/self-service/api';
import type { Principal } from '../../auth/tokens';
import type { Tx } from '../../db/transaction';
import { requestDeploy as queueDeploy } from './requests';

export type { ServiceVersion } from '../../../shared/features/self-service/api';
export { publishVersion } from './versions/versions';
export {
  findServiceRepository,
  serviceRepositoryOf,
  type ServiceRepository,
} from './repositories/service-repositories';

/**
 * Queues a service.deploy operation in the caller's transaction: the same operation (roles,
 * validation, idempotency) POST /v1/services/:id/deployments creates. A commit with a published
 * version is unpacked, never rebuilt.
 */
export async function requestDeploy(
  tx: Tx,
  principal: Principal,
  input: {
    serviceId: string;
    environment: EnvironmentName;
    /** A commit sha. */
    version: string;
    idempotencyKey?: string | null;
    canary?: CanaryRequest;
  },
): Promise<{ operationId: string }> {
  const operation = await queueDeploy(
    tx,
    principal,
    input.serviceId,
    {
      environment: input.environment,
      version: input.version,
      ...(input.canary ? { canary: input.canary } : {}),
    },
    input.idempotencyKey ?? null,
  );
  return { operationId: operation.id };
}

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
    /**
     * Health-check cadence, deploy health timeout and the canary analysis tick (tests and
     * benchmarks shorten them).
     */
    selfService?: { healthIntervalMs?: number; healthTimeoutMs?: number; canaryTickMs?: number };
  }
}
