import type { Database } from 'better-sqlite3';
import { Flag, FlagCreateArgs, FlagDeleteArgs, FlagUpdateArgs } from '../../../../shared/features/flags/api';
import { defineLocalMutator, type LocalMutatorContext } from '../../outbox/local-mutator';

/**
 * The optimistic side of the server's flag push mutations. Each sets state (never flips), so
 * rebase may run it again on newer server rows; a rejected one disappears at the next rebase and
 * the row goes back to the server's version.
 */

const current = (ctx: LocalMutatorContext, id: string): Flag | null => {
  const parsed = Flag.safeParse(ctx.read('flag', id));
  return parsed.success ? parsed.data : null;
};

/** "new-greeting (production)" for the outbox panel, from the cache (the flag may be gone). */
function flagLabel(db: Database, id: string): string {
  const row = db.prepare('SELECT key, environment FROM flags WHERE id = ?').get(id) as
    { key: string; environment: string } | undefined;
  return row ? `${row.key} (${row.environment})` : 'a flag';
}

export const flagsLocalMutators = [
  defineLocalMutator({
    name: 'flag.create',
    args: FlagCreateArgs,
    describe: (_db, args) => `Create flag ${args.key} (${args.environment})`,
    apply(ctx, args) {
      if (current(ctx, args.id)) return;
      ctx.put('flag', args.id, {
        id: args.id,
        serviceId: args.serviceId,
        environment: args.environment,
        key: args.key,
        description: args.description,
        enabled: args.enabled,
        rolloutPercent: args.rolloutPercent,
        createdAt: ctx.createdAt,
        updatedAt: ctx.createdAt,
        updatedBy: null,
      } satisfies Flag);
    },
  }),
  defineLocalMutator({
    name: 'flag.update',
    args: FlagUpdateArgs,
    describe(db, { id, enabled, rolloutPercent, description }) {
      const what = [
        ...(enabled !== undefined ? [enabled ? 'turn on' : 'turn off'] : []),
        ...(rolloutPercent !== undefined ? [`roll out to ${rolloutPercent} %`] : []),
        ...(description !== undefined ? ['edit description'] : []),
      ];
      return `Flag ${flagLabel(db, id)}: ${what.join(', ')}`;
    },
    apply(ctx, { id, enabled, rolloutPercent, description }) {
      const flag = current(ctx, id);
      if (!flag) return;
      ctx.put('flag', id, {
        ...flag,
        ...(enabled !== undefined ? { enabled } : {}),
        ...(rolloutPercent !== undefined ? { rolloutPercent } : {}),
        ...(description !== undefined ? { description } : {}),
        updatedAt: ctx.createdAt,
      } satisfies Flag);
    },
  }),
  defineLocalMutator({
    name: 'flag.delete',
    args: FlagDeleteArgs,
    describe: (db, { id, key, environment }) =>
      `Delete flag ${key && environment ? `${key} (${environment})` : flagLabel(db, id)}`,
    apply(ctx, { id }) {
      if (current(ctx, id)) ctx.del('flag', id);
    },
  }),
];
