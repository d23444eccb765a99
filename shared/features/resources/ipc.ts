import { z } from 'zod';
import { text } from '../../api/text';
import { EnvironmentName as ResourceEnvironment } from '../catalog/api';
import { Enqueued } from '../../ipc/contract';
import { OperationStatus } from '../operations/api';
import { Resource, ResourceEstimate, ResourceKind, ResourceKindAvailability, ResourceSize } from './api';

/** `resource.provision` push mutation args; server/resources/resource-mutations.ts parses the same. */
export const ResourceProvisionArgs = z.object({
  serviceId: text().min(1).max(100),
  kind: ResourceKind,
  size: ResourceSize,
  environment: ResourceEnvironment,
});
export type ResourceProvisionArgs = z.infer<typeof ResourceProvisionArgs>;
export const ResourceDeprovisionArgs = z.object({ resourceId: text().min(1).max(100) });
export type ResourceDeprovisionArgs = z.infer<typeof ResourceDeprovisionArgs>;
/** Unsent past an hour, a provisioning request waits for the user to confirm it again. */
export const RESOURCE_MUTATION_MAX_AGE_MS = 60 * 60 * 1000;

/** A resource with the live state of the operation working on it; `local` = queued on this device. */
export const ResourceView = Resource.extend({
  operation: z
    .object({ id: text(), status: OperationStatus, progress: z.number(), step: text().nullable() })
    .nullable(),
  local: z.boolean(),
});
export type ResourceView = z.infer<typeof ResourceView>;

export const resourcesCommands = {
  'resources:list': {
    input: z.object({ serviceId: text().min(1).max(100) }),
    output: z.array(ResourceView),
  },
  /** Monthly cost from the shared price table: pure, works offline. */
  'resources:estimate': {
    input: z.object({ kind: ResourceKind, size: ResourceSize }),
    output: ResourceEstimate,
  },
  /**
   * What this platform can provision (caches and queues need its Redis): asked when reachable,
   * else the last answer of this session; `known: false` when never asked (the push still checks).
   */
  'resources:kinds': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(ResourceKindAvailability), known: z.boolean() }),
  },
  /** Offline-first: a queued operation and a 'provisioning' resource show at once; pushed as `resource.provision`. */
  'resources:provision': { input: ResourceProvisionArgs, output: Enqueued },
  'resources:deprovision': { input: ResourceDeprovisionArgs, output: Enqueued },
} as const;
