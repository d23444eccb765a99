import { z } from 'zod';
import { text } from './text';

/**
 * The push protocol (docs/architecture.md, "Sync and push"): a client sends its offline intents in order; the server
 * applies each at most once and answers applied / rejected(reason) per mutation.
 */

/** Per client, strictly increasing, never reused (the server answers ids ≤ its last from storage). */
export const MutationId = z.number().int().positive();

export const Mutation = z.object({
  id: MutationId,
  /** A registered mutation name, `domain.verb` (e.g. `service.update`). */
  name: text().min(1).max(100),
  /** Parsed by the named mutation's own zod schema on the server. */
  args: z.unknown(),
  /** Also resolves against REST calls that carry the same `Idempotency-Key`. */
  idempotencyKey: z.uuid(),
  /** When the user made (or last confirmed) the change; mutations with a max age expire by it. */
  createdAt: z.iso.datetime({ offset: true }),
});
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z.object({
  clientId: z.uuid(),
  mutations: z
    .array(Mutation)
    .min(1)
    .max(100)
    .refine((list) => list.every((m, i) => i === 0 || m.id > (list[i - 1]?.id ?? 0)), {
      message: 'mutation ids must be strictly increasing',
    }),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationRejection = z.object({ code: text(), message: z.string() });
export type MutationRejection = z.infer<typeof MutationRejection>;

export const MutationResult = z.discriminatedUnion('status', [
  z.object({ id: MutationId, status: z.literal('applied'), result: z.unknown().optional() }),
  z.object({ id: MutationId, status: z.literal('rejected'), reason: MutationRejection }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  /** One per mutation processed, in order; fewer than sent when a transient failure stopped the batch. */
  results: z.array(MutationResult),
  /** The highest mutation id the server has answered for this client (0 before the first). */
  lastMutationId: z.number().int().min(0),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** Codes of rejections and push errors that clients branch on. */
export const PushErrorCode = {
  unknownMutation: 'unknown_mutation',
  expired: 'expired',
  /** Nothing could be processed (database down); retry the same batch later. */
  unavailable: 'unavailable',
  idempotencyKeyReused: 'idempotency_key_reused',
  idempotencyInProgress: 'idempotency_in_progress',
} as const;
