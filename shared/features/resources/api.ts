import { z } from 'zod';
import { text } from '../../api/text';
import { EnvironmentName } from '../catalog/api';

/** Provisioned infrastructure of a service (issue 3 §4): a database, a cache or a queue. */

export const ResourceKind = z.enum(['postgres', 'cache', 'queue']);
export type ResourceKind = z.infer<typeof ResourceKind>;

export const ResourceSize = z.enum(['small', 'medium', 'large']);
export type ResourceSize = z.infer<typeof ResourceSize>;

export const ResourceStatus = z.enum(['provisioning', 'ready', 'failed', 'deprovisioning', 'deleted']);
export type ResourceStatus = z.infer<typeof ResourceStatus>;

/** How to reach it, without any password (those are the service's secrets). */
export const ResourceConnection = z.record(text(), z.union([text(), z.number()]));

export const Resource = z.object({
  id: text(),
  serviceId: text(),
  environment: EnvironmentName,
  kind: ResourceKind,
  size: ResourceSize,
  status: ResourceStatus,
  monthlyCostUsd: z.number(),
  connection: ResourceConnection,
  /** Names of the secrets holding its credentials. */
  secretNames: z.array(text()),
  operationId: text().nullable(),
  createdBy: text(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Resource = z.infer<typeof Resource>;

export const ResourceProvision = z.object({
  kind: ResourceKind,
  size: ResourceSize,
  environment: EnvironmentName,
});
export type ResourceProvision = z.infer<typeof ResourceProvision>;

/**
 * List prices in USD per month. An ESTIMATE shown before confirming, not a bill: the reference
 * platform runs everything on one machine; a real platform plugs in its own price table.
 */
export const monthlyPriceUsd: Record<ResourceKind, Record<ResourceSize, number>> = {
  postgres: { small: 15, medium: 60, large: 240 },
  cache: { small: 10, medium: 40, large: 160 },
  queue: { small: 5, medium: 20, large: 80 },
};

export const ResourceEstimateQuery = z.object({ kind: ResourceKind, size: ResourceSize });

export const ResourceEstimate = z.object({
  kind: ResourceKind,
  size: ResourceSize,
  monthlyCostUsd: z.number(),
  currency: z.literal('USD'),
  note: text(),
});
export type ResourceEstimate = z.infer<typeof ResourceEstimate>;

/** Whether this platform can provision a kind now (caches and queues need its Redis), and why not. */
export const ResourceKindAvailability = z.object({
  kind: ResourceKind,
  available: z.boolean(),
  reason: z.string().nullable(),
});
export type ResourceKindAvailability = z.infer<typeof ResourceKindAvailability>;
export const ResourceKindsAnswer = z.object({ items: z.array(ResourceKindAvailability) });

export const estimateResource = (kind: ResourceKind, size: ResourceSize): ResourceEstimate => ({
  kind,
  size,
  monthlyCostUsd: monthlyPriceUsd[kind][size],
  currency: 'USD',
  note: 'Estimate from the platform price table; actual cost depends on usage.',
});

/** Secrets a resource of each kind writes to its service (per environment). */
export const resourceSecretNames: Record<ResourceKind, string[]> = {
  postgres: ['DATABASE_URL'],
  cache: ['REDIS_URL', 'REDIS_PREFIX'],
  queue: ['QUEUE_URL', 'QUEUE_STREAM', 'QUEUE_GROUP'],
};
