import type { Database } from 'better-sqlite3';
import { Service, ServiceUpdateArgs } from '../../../../shared/features/catalog/api';
import { defineLocalMutator } from '../../outbox/local-mutator';

const serviceTitle = (db: Database, id: string): string => {
  const row = db.prepare('SELECT title FROM services WHERE id = ?').get(id) as { title: string } | undefined;
  return row?.title ?? 'a deleted service';
};

/**
 * The optimistic side of `service.update` (the server catalog's mutation): the present
 * fields overwrite the cached row's, as the server will do field by field. A service the cache
 * no longer has (deleted) is left alone: deletes win.
 */
export const serviceUpdateLocal = defineLocalMutator({
  name: 'service.update',
  args: ServiceUpdateArgs,
  describe(db, { id, patch }) {
    return `Edit ${serviceTitle(db, id)}: ${Object.keys(patch).join(', ') || 'no fields'}`;
  },
  apply(ctx, { id, patch }) {
    const current = Service.safeParse(ctx.read('service', id));
    if (!current.success) return;
    ctx.put('service', id, { ...current.data, ...patch });
  },
});

export const catalogLocalMutators = [serviceUpdateLocal];
