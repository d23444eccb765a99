import { localMutatorRegistry, type LocalMutator } from '../outbox/local-mutator';
import { serviceUpdateLocal } from './service-update';

/**
 * The optimistic effect of every push mutation the desktop can enqueue. Other features append
 * their `defineLocalMutator(...)` here (one line each), mirroring server/sync/mutations.ts.
 */
export const localMutatorList: readonly LocalMutator[] = [serviceUpdateLocal];

export const localMutators = localMutatorRegistry(localMutatorList);
