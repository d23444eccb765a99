import {
  SELF_SERVICE_MUTATION_MAX_AGE_MS,
  ServiceDeployArgs,
  ServiceRollbackArgs,
} from '../../../shared/features/self-service/api';
import { ServiceCreateArgs } from '../../../shared/features/self-service/api';
import { defineMutation } from '../../sync/mutation-registry';
import { requestCreateService, requestDeploy, requestRollback } from './requests';

/**
 * Offline-safe self-service: each mutation only queues the operation (docs/architecture.md, "Sync and push"), keyed by the
 * client's idempotency key, so a push delivered twice or resent after a lost response is one job.
 */
export const selfServiceMutations = [
  defineMutation({
    name: 'service.create',
    args: ServiceCreateArgs,
    maxAgeMs: SELF_SERVICE_MUTATION_MAX_AGE_MS,
    async handle(ctx, { templateId, ...body }) {
      const operation = await requestCreateService(
        ctx.tx,
        ctx.principal,
        templateId,
        body,
        ctx.idempotencyKey,
      );
      return { operationId: operation.id };
    },
  }),
  defineMutation({
    name: 'service.deploy',
    args: ServiceDeployArgs,
    maxAgeMs: SELF_SERVICE_MUTATION_MAX_AGE_MS,
    async handle(ctx, { serviceId, ...body }) {
      const operation = await requestDeploy(ctx.tx, ctx.principal, serviceId, body, ctx.idempotencyKey);
      return { operationId: operation.id };
    },
  }),
  defineMutation({
    name: 'service.rollback',
    args: ServiceRollbackArgs,
    maxAgeMs: SELF_SERVICE_MUTATION_MAX_AGE_MS,
    async handle(ctx, { serviceId, ...body }) {
      const operation = await requestRollback(ctx.tx, ctx.principal, serviceId, body, ctx.idempotencyKey);
      return { operationId: operation.id };
    },
  }),
];
