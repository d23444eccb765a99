import type { Database } from 'better-sqlite3';
import {
  ServiceDeployArgs,
  ServiceRollbackArgs,
  SELF_SERVICE_MUTATION_MAX_AGE_MS,
} from '../../../shared/api/deployments';
import { ServiceCreateArgs } from '../../../shared/api/templates';
import { defineLocalMutator } from '../outbox/local-mutator';

const serviceName = (db: Database, id: string): string => {
  const row = db.prepare('SELECT name FROM services WHERE id = ?').get(id) as { name: string } | undefined;
  return row?.name ?? 'a deleted service';
};

/**
 * The local side of service.create / deploy / rollback. Their real effect is a server job, so
 * nothing synced is written optimistically: the outbox row itself is the placeholder the UI shows
 * at once ("queued", with its idempotency key — see deployments-query.ts), until the operation
 * and its deployment sync down. Past an hour unsent, the user must confirm again.
 */
export const selfServiceMutators = [
  defineLocalMutator({
    name: 'service.create',
    args: ServiceCreateArgs,
    maxAgeMs: SELF_SERVICE_MUTATION_MAX_AGE_MS,
    describe: (_db, { values, templateId, deployTo }) =>
      `Create ${typeof values.name === 'string' ? values.name : 'a service'} from ${templateId}${deployTo ? ` and deploy to ${deployTo}` : ''}`,
    apply: () => undefined,
  }),
  defineLocalMutator({
    name: 'service.deploy',
    args: ServiceDeployArgs,
    maxAgeMs: SELF_SERVICE_MUTATION_MAX_AGE_MS,
    describe: (db, { serviceId, environment, version }) =>
      `Deploy ${serviceName(db, serviceId)} ${version ? version.slice(0, 7) : 'main'} to ${environment}`,
    apply: () => undefined,
  }),
  defineLocalMutator({
    name: 'service.rollback',
    args: ServiceRollbackArgs,
    maxAgeMs: SELF_SERVICE_MUTATION_MAX_AGE_MS,
    describe: (db, { serviceId, environment }) => `Roll back ${serviceName(db, serviceId)} in ${environment}`,
    apply: () => undefined,
  }),
];
