import { backlogMutations } from '../backlog/backlog-mutations';
import { selfServiceMutations } from '../deployments/self-service-mutations';
import { supportMutations } from '../support/support-mutations';
import { surveyMutations } from '../surveys/survey-mutations';
import type { MutationDefinition } from './mutation-registry';
import { serviceUpdate } from './mutation-service-update';

/**
 * Every push mutation the platform accepts. Other features append their `defineMutation(...)`
 * results here (one line each); names are unique.
 */
export const mutations: readonly MutationDefinition[] = [
  serviceUpdate,
  ...backlogMutations,
  ...supportMutations,
  ...surveyMutations,
  ...selfServiceMutations,
];
