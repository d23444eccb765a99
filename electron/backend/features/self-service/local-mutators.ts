import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import {
  SELF_SERVICE_MUTATION_MAX_AGE_MS,
  ServiceDeployArgs,
  ServiceRollbackArgs,
} from '../../../../shared/features/self-service/api';
import type { OperationKind } from '../../../../shared/features/operations/api';
import { ServiceCreateArgs } from '../../../../shared/features/self-service/api';
import { defineLocalMutator, type LocalMutatorContext } from '../../outbox/local-mutator';
import { intentFacts, placeholderOperation } from '../operations/public';
import { serviceName } from '../catalog/public';

/**
 * The placeholder queued operation of a self-service intent (same shape and id scheme as the
 * resource mutators'), so the Operations list and the service page show it at once with its
 * idempotency key. Once the platform's real operation has synced down, nothing is written: rebase
 * then drops the placeholder.
 */
function putPlaceholder(
  ctx: LocalMutatorContext,
  fields: {
    kind: OperationKind;
    serviceId: string | null;
    environment: EnvironmentName | null;
    input: object;
  },
): void {
  const facts = intentFacts(ctx);
  if (facts.realOperationSynced) return;
  const operation = placeholderOperation(ctx, facts.key, fields);
  ctx.put('operation', operation.id, operation);
}

/**
 * The local side of service.create / deploy / rollback (the server self-service feature's mutations):
 * their real effect is a server job, so the optimistic effect is only the queued placeholder
 * operation. Past an hour unsent, the user confirms again in the outbox panel.
 */
export const selfServiceMutators = [
  defineLocalMutator({
    name: 'service.create',
    args: ServiceCreateArgs,
    maxAgeMs: SELF_SERVICE_MUTATION_MAX_AGE_MS,
    describe: (_db, { values, templateId, deployTo }) =>
      `Create ${typeof values.name === 'string' ? values.name : 'a service'} from ${templateId}${deployTo ? ` and deploy to ${deployTo}` : ''}`,
    apply(ctx, { templateId, values, deployTo }) {
      putPlaceholder(ctx, {
        kind: 'service.create',
        serviceId: null,
        environment: deployTo ?? null,
        input: { templateId, values, ...(deployTo ? { deployTo } : {}) },
      });
    },
  }),
  defineLocalMutator({
    name: 'service.deploy',
    args: ServiceDeployArgs,
    maxAgeMs: SELF_SERVICE_MUTATION_MAX_AGE_MS,
    describe: (db, { serviceId, environment, version, canary }) =>
      `Deploy ${serviceName(db, serviceId)} ${version ? version.slice(0, 7) : 'main'} to ${environment}${canary ? ` as a ${canary.weightPercent} % canary` : ''}`,
    apply(ctx, { serviceId, environment, version, canary }) {
      putPlaceholder(ctx, {
        kind: 'service.deploy',
        serviceId,
        environment,
        input: { environment, ...(version ? { version } : {}), ...(canary ? { canary } : {}) },
      });
    },
  }),
  defineLocalMutator({
    name: 'service.rollback',
    args: ServiceRollbackArgs,
    maxAgeMs: SELF_SERVICE_MUTATION_MAX_AGE_MS,
    describe: (db, { serviceId, environment }) => `Roll back ${serviceName(db, serviceId)} in ${environment}`,
    apply(ctx, { serviceId, environment }) {
      putPlaceholder(ctx, { kind: 'service.rollback', serviceId, environment, input: { environment } });
    },
  }),
];
