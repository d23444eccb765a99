import type { z } from 'zod';
import type { Principal } from '../auth/tokens';
import type { Tx } from '../db/transaction';

/** What a push mutation's handler gets: it runs inside the transaction that also marks it done. */
export interface MutationContext {
  /** The one transaction of this mutation: effect, result row and last_mutation_id commit together. */
  tx: Tx;
  principal: Principal;
  clientId: string;
  mutationId: number;
  /** The client's key for this intent; pass it to `runIdempotent` to share a result with REST. */
  idempotencyKey: string;
  /** When the user made (or confirmed) the change, as the client reported it. */
  createdAt: string;
}

export interface MutationDefinition {
  name: string;
  args: z.ZodType;
  /** Older than this (by `createdAt`) → rejected `expired`; absent = never expires. */
  maxAgeMs?: number;
  /**
   * The act must not tie the person to a time (an anonymous survey answer): the push layer writes
   * no audit row naming the actor and keeps only the day in the stored result
   * (docs/architecture.md, "Numbers"). The handler audits it anonymously itself.
   */
  anonymous?: boolean;
  /**
   * Applies the mutation. Throw an ApiError (4xx) to reject it with that code and message;
   * any other error is treated as transient and the client retries later. The return value
   * (JSON) is sent back as the applied result.
   */
  handle(ctx: MutationContext, args: unknown): Promise<unknown>;
}

/**
 * Declares a push mutation; a feature returns its list from its descriptor's `mutations`.
 * `args` is parsed with the schema before `handle` runs; a parse failure rejects the mutation
 * with `validation_failed`.
 */
export function defineMutation<S extends z.ZodType>(def: {
  name: string;
  args: S;
  maxAgeMs?: number;
  anonymous?: boolean;
  handle(ctx: MutationContext, args: z.output<S>): Promise<unknown>;
}): MutationDefinition {
  return {
    name: def.name,
    args: def.args,
    ...(def.maxAgeMs !== undefined ? { maxAgeMs: def.maxAgeMs } : {}),
    ...(def.anonymous ? { anonymous: true } : {}),
    handle: (ctx, args) => def.handle(ctx, args as z.output<S>),
  };
}

export type MutationRegistry = ReadonlyMap<string, MutationDefinition>;

export function mutationRegistry(list: readonly MutationDefinition[]): MutationRegistry {
  const map = new Map<string, MutationDefinition>();
  for (const def of list) {
    if (map.has(def.name)) throw new Error(`push mutation ${def.name} is defined twice`);
    map.set(def.name, def);
  }
  return map;
}
