import { estimateResource, Resource, resourceSecretNames } from '../../../../shared/features/resources/api';
import {
  RESOURCE_MUTATION_MAX_AGE_MS,
  ResourceDeprovisionArgs,
  ResourceProvisionArgs,
} from '../../../../shared/features/resources/ipc';
import { defineLocalMutator } from '../../outbox/local-mutator';
import { intentFacts, LOCAL_ID_PREFIX, placeholderOperation } from '../operations/public';
import { serviceName } from '../catalog/public';

/**
 * The local side of `resource.provision` / `resource.deprovision` (the server resources feature's
 * mutations). The real effect is a server job, so the optimistic effect is a
 * placeholder queued operation (carrying the idempotency key) and the resource row as the user
 * expects it; rebase drops them once the platform's own rows have synced down. Past an hour
 * unsent, the user confirms again in the outbox panel.
 */
export const resourceMutators = [
  defineLocalMutator({
    name: 'resource.provision',
    args: ResourceProvisionArgs,
    maxAgeMs: RESOURCE_MUTATION_MAX_AGE_MS,
    describe: (db, { serviceId, kind, size, environment }) =>
      `Provision ${kind} (${size}) for ${serviceName(db, serviceId)} in ${environment}`,
    apply(ctx, { serviceId, kind, size, environment }) {
      const facts = intentFacts(ctx);
      // Accepted and synced: the real rows show; a placeholder too would list it twice.
      if (facts.realOperationSynced) return;
      const resourceId = `${LOCAL_ID_PREFIX}res-${facts.key}`;
      const operation = placeholderOperation(ctx, facts.key, {
        kind: 'resource.provision',
        serviceId,
        environment,
        input: { resourceId, kind, size },
      });
      ctx.put('operation', operation.id, operation);
      const resource: Resource = {
        id: resourceId,
        serviceId,
        environment,
        kind,
        size,
        status: 'provisioning',
        monthlyCostUsd: estimateResource(kind, size).monthlyCostUsd,
        connection: {},
        secretNames: resourceSecretNames[kind],
        operationId: operation.id,
        createdBy: operation.requestedBy,
        createdAt: ctx.createdAt,
        updatedAt: ctx.createdAt,
      };
      ctx.put('resource', resourceId, resource);
    },
  }),
  defineLocalMutator({
    name: 'resource.deprovision',
    args: ResourceDeprovisionArgs,
    maxAgeMs: RESOURCE_MUTATION_MAX_AGE_MS,
    describe(db, { resourceId }) {
      const row = db.prepare('SELECT data FROM resources WHERE id = ?').get(resourceId) as
        { data: string } | undefined;
      const resource = row ? Resource.safeParse(JSON.parse(row.data)) : null;
      return resource?.success
        ? `Deprovision ${resource.data.kind} of ${serviceName(db, resource.data.serviceId)} in ${resource.data.environment}`
        : 'Deprovision a resource';
    },
    apply(ctx, { resourceId }) {
      const facts = intentFacts(ctx);
      if (facts.realOperationSynced) return;
      const current = Resource.safeParse(ctx.read('resource', resourceId));
      // Gone already (deleted on the platform): deletes win, nothing to show.
      if (!current.success) return;
      const operation = placeholderOperation(ctx, facts.key, {
        kind: 'resource.deprovision',
        serviceId: current.data.serviceId,
        environment: current.data.environment,
        input: { resourceId, kind: current.data.kind },
      });
      ctx.put('operation', operation.id, operation);
      ctx.put('resource', resourceId, {
        ...current.data,
        status: 'deprovisioning',
        operationId: operation.id,
        updatedAt: ctx.createdAt,
      });
    },
  }),
];
