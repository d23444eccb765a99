import { selfServiceMutations } from '../deployments/self-service-mutations';
import type { MutationDefinition } from './mutation-registry';
import { serviceUpdate } from './mutation-service-update';

/**
 * Every push mutation the platform accepts. Other features append their `defineMutation(...)`
 * results here (one line each); names are unique.
 */
export const mutations: readonly MutationDefinition[] = [serviceUpdate, ...selfServiceMutations];
