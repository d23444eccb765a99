import { backlogLocalMutators } from '../backlog/backlog-local-mutators';
import { supportLocalMutators } from '../support/support-local-mutators';
import { selfServiceMutators } from '../deployments/self-service-mutators';
import { localMutatorRegistry, type LocalMutator } from '../outbox/local-mutator';
import { resourceMutators } from '../resources/resource-mutators';
import { serviceUpdateLocal } from './service-update';

import { surveyLocalMutators } from '../surveys/survey-mutators';
/**
 * The optimistic effect of every push mutation the desktop can enqueue. Other features append
 * their `defineLocalMutator(...)` here (one line each), mirroring server/sync/mutations.ts.
 */
export const localMutatorList: readonly LocalMutator[] = [
  serviceUpdateLocal,
  ...backlogLocalMutators,
  ...supportLocalMutators,
  ...selfServiceMutators,
  ...surveyLocalMutators,
  ...resourceMutators,
];

export const localMutators = localMutatorRegistry(localMutatorList);
