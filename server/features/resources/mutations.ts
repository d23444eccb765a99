import {
  RESOURCE_MUTATION_MAX_AGE_MS,
  ResourceDeprovisionArgs,
  ResourceProvisionArgs,
} from '../../../shared/features/resources/ipc';
import { defineMutation, type MutationDefinition } from '../../sync/mutation-registry';
import type { ResourceConfig } from './config';
import { requestDeprovision, requestProvision } from './requests';

/**
 * Offline-safe provisioning: each mutation only queues the operation (docs/architecture.md, "Sync and push") through the
 * SAME request code as `POST /v1/services/:id/resources` and `DELETE /v1/resources/:id`, keyed by
 * the client's idempotency key — so a push delivered twice, resent after a lost response, or a
 * REST call with the same key all end in one operation and one database. Roles are checked there.
 *
 * A factory, not a constant: whether caches and queues can be provisioned depends on the
 * platform's Redis configuration (`redis_not_configured`), which only the app knows.
 */
export function resourceMutations(config: ResourceConfig): MutationDefinition[] {
  return [
    defineMutation({
      name: 'resource.provision',
      args: ResourceProvisionArgs,
      maxAgeMs: RESOURCE_MUTATION_MAX_AGE_MS,
      async handle(ctx, { serviceId, ...request }) {
        return requestProvision(ctx.tx, ctx.principal, config, serviceId, request, ctx.idempotencyKey);
      },
    }),
    defineMutation({
      name: 'resource.deprovision',
      args: ResourceDeprovisionArgs,
      maxAgeMs: RESOURCE_MUTATION_MAX_AGE_MS,
      async handle(ctx, { resourceId }) {
        return requestDeprovision(ctx.tx, ctx.principal, resourceId, ctx.idempotencyKey);
      },
    }),
  ];
}
