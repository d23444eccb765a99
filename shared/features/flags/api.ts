import { z } from 'zod';
import { text } from '../../api/text';
import { MutationRejection } from '../../api/push';
import { EnvironmentName } from '../catalog/api';

/**
 * Feature flags (issue 9 §5): per service and environment, boolean with an optional percentage
 * rollout by a stable key (see ./bucket.ts). Synced as entity 'flag'; running services read them
 * from `GET /v1/runtime/flags` with a per-process key and evaluate them locally through OpenFeature.
 */

const Timestamp = z.iso.datetime({ offset: true });
const Id = text().min(1).max(100);

export const FLAG_KEY_PATTERN = /^[a-z][a-z0-9._-]{0,63}$/;
export const FlagKey = z
  .string()
  .regex(
    FLAG_KEY_PATTERN,
    'must start with a lowercase letter, then up to 63 lowercase letters, digits, dots, dashes or underscores',
  );
export const RolloutPercent = z
  .number()
  .int('rollout is a whole percentage')
  .min(0, 'rollout is at least 0 %')
  .max(100, 'rollout is at most 100 %');
export const FlagDescription = text().trim().max(500);

export const Flag = z.object({
  id: Id,
  serviceId: Id,
  environment: EnvironmentName,
  key: FlagKey,
  description: text().max(500),
  enabled: z.boolean(),
  /** 100 = everyone while enabled; below, callers whose bucket is under it (by targeting key). */
  rolloutPercent: RolloutPercent,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Who changed it last; null once that user is deleted. */
  updatedBy: text().nullable(),
});
export type Flag = z.infer<typeof Flag>;

/** `POST /v1/services/:id/flags`. A new flag is off until someone turns it on. */
export const FlagCreate = z.object({
  id: z.uuid().optional(),
  environment: EnvironmentName,
  key: FlagKey,
  description: FlagDescription.default(''),
  enabled: z.boolean().default(false),
  rolloutPercent: RolloutPercent.default(100),
});
export type FlagCreate = z.input<typeof FlagCreate>;

const FlagFields = z.object({
  enabled: z.boolean().optional(),
  rolloutPercent: RolloutPercent.optional(),
  description: FlagDescription.optional(),
});
const someField = (patch: z.infer<typeof FlagFields>) =>
  patch.enabled !== undefined || patch.rolloutPercent !== undefined || patch.description !== undefined;
const someFieldMessage = { message: 'change at least one of enabled, rolloutPercent, description' };

/** `PATCH /v1/flags/:id`: fields set, never flipped, so a replay or a rebase gives the same flag. */
export const FlagUpdate = FlagFields.refine(someField, someFieldMessage);
export type FlagUpdate = z.input<typeof FlagUpdate>;

// ---- Push mutation args (offline edits; docs/architecture.md, "Sync and push") ---------------------------------------

/** The client picks the id, so an offline-created flag keeps it when the platform accepts it. */
export const FlagCreateArgs = FlagCreate.extend({ id: z.uuid(), serviceId: Id });
export const FlagUpdateArgs = FlagFields.extend({ id: Id }).refine(someField, someFieldMessage);
/** What the user saw deleted, for the outbox and the service page to name it; the server goes by id. */
export const FlagDeleteArgs = z.object({
  id: Id,
  serviceId: Id.optional(),
  key: FlagKey.optional(),
  environment: EnvironmentName.optional(),
});

// ---- What a running service reads (`GET /v1/runtime/flags`) -------------------------------------

export const RuntimeFlag = z.object({ key: FlagKey, enabled: z.boolean(), rolloutPercent: RolloutPercent });
export type RuntimeFlag = z.infer<typeof RuntimeFlag>;
/** The definitions of the key's service+environment; the provider evaluates them locally. */
export const RuntimeFlags = z.object({
  serviceId: Id,
  environment: EnvironmentName,
  flags: z.array(RuntimeFlag),
});
export type RuntimeFlags = z.infer<typeof RuntimeFlags>;

// ---- Desktop views (IPC outputs) -----------------------------------------------------------------------------------

export const FlagView = Flag.extend({
  /** A change of this flag waits in the outbox (made offline, or not pushed yet). */
  pending: z.boolean(),
});
export type FlagView = z.infer<typeof FlagView>;

/** A flag change the platform refused (or that waits for a new confirmation), with its reason. */
export const FlagProblem = z.object({
  mutationId: z.number().int().positive(),
  name: text(),
  flagId: text().nullable(),
  key: text().nullable(),
  environment: EnvironmentName.nullable(),
  status: z.enum(['rejected', 'needs_confirmation']),
  reason: MutationRejection.nullable(),
});
export type FlagProblem = z.infer<typeof FlagProblem>;

export const ServiceFlags = z.object({ flags: z.array(FlagView), problems: z.array(FlagProblem) });
export type ServiceFlags = z.infer<typeof ServiceFlags>;
