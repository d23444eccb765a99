import { z } from 'zod';
import { entitySchemas, SyncEntity, type ChangesPage } from '../../../shared/contract';

/**
 * Parses a changes page entry by entry: the envelope (seq, entity, id, op) first, then `data`
 * with the one schema its `entity` names, looked up in a map (docs/architecture.md, "Sync and
 * push"). The composed `ChangesPage` union in shared/contract.ts accepts exactly the same pages
 * and stays the documented response schema; this is the same rule at half the cost, which a
 * full sync of 100,000 rows notices. A malformed row fails the whole page with the row's path
 * (`changes.12.data.name`), so nothing of it is written.
 */
const Envelope = z.object({
  seq: z.number().int().positive(),
  entity: SyncEntity,
  id: z.string(),
  op: z.enum(['put', 'del']),
  data: z.unknown(),
});

const schemaOf = entitySchemas as Record<SyncEntity, z.ZodType>;

const Entry = Envelope.transform((entry, ctx) => {
  if (entry.op === 'del') {
    if (entry.data !== null)
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'a del carries no data' });
    return entry;
  }
  const parsed = schemaOf[entry.entity].safeParse(entry.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', path: ['data', ...issue.path], message: issue.message });
    return z.NEVER;
  }
  entry.data = parsed.data;
  return entry;
});

export const ChangesPageByEntity = z.object({
  changes: z.array(Entry),
  cursor: z.string(),
  hasMore: z.boolean(),
}) as unknown as z.ZodType<ChangesPage>;
