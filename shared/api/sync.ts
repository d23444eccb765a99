import { z } from 'zod';
import { text } from './text';

/**
 * The change log protocol (docs/architecture.md, "Sync and push"). A client keeps an opaque
 * cursor; the server answers with the changes after it in `seq` order. `data` is the entity's
 * full API shape on `put` and null on `del`. The entities themselves come from the features;
 * shared/contract.ts composes the concrete `ChangeEntry` from their schemas.
 */

/** Synced entity name → the zod schema of its API shape. */
export type EntitySchemaMap = Readonly<Record<string, z.ZodType>>;

const Seq = z.number().int().positive();

export type ChangeEntryOf<E extends EntitySchemaMap> =
  | {
      [K in keyof E & string]: { seq: number; entity: K; id: string; op: 'put'; data: z.output<E[K]> };
    }[keyof E & string]
  | { seq: number; entity: keyof E & string; id: string; op: 'del'; data: null };

/**
 * One change-log entry of any of `entities`: discriminated by `op`, then by `entity`, so a page
 * of thousands of rows is parsed without trying every entity's schema in turn.
 */
export function changeEntrySchema<E extends EntitySchemaMap>(entities: E): z.ZodType<ChangeEntryOf<E>> {
  const names = Object.keys(entities) as [string, ...string[]];
  const puts = names.map((name) =>
    z.object({
      seq: Seq,
      entity: z.literal(name),
      id: text(),
      op: z.literal('put'),
      data: entities[name] as z.ZodType,
    }),
  ) as unknown as [PutEntry, ...PutEntry[]];
  const del = z.object({
    seq: Seq,
    entity: z.enum(names),
    id: text(),
    op: z.literal('del'),
    data: z.null(),
  });
  // zod 4 nests discriminated unions: the outer one picks by `op`, the inner one by `entity`.
  return z.discriminatedUnion('op', [del, z.discriminatedUnion('entity', puts)]) as unknown as z.ZodType<
    ChangeEntryOf<E>
  >;
}

type PutEntry = z.ZodObject<{
  seq: typeof Seq;
  entity: z.ZodLiteral<string>;
  id: z.ZodString;
  op: z.ZodLiteral<'put'>;
  data: z.ZodType;
}>;

export const ChangesQuery = z.object({
  cursor: text().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** A page of changes for the given change-entry schema (composed in shared/contract.ts). */
export function changesPageSchema<T>(entry: z.ZodType<T>) {
  return z.object({
    changes: z.array(entry),
    /** Opaque: pass back as-is. Changes when the server's epoch changes (→ 409 resync_required). */
    cursor: text(),
    hasMore: z.boolean(),
  });
}

/** SSE `GET /v1/events`: `event: changes` with this data after each commit that logged changes. */
export const ChangesPoke = z.object({ seq: Seq });
