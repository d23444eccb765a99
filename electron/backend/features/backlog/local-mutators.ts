import type { Database } from 'better-sqlite3';
import {
  BacklogCreateArgs,
  BacklogDeleteArgs,
  BacklogDemandArgs,
  BacklogItem,
  BacklogMoveArgs,
  BacklogUpdateArgs,
  BacklogWeights,
  BacklogWeightsArgs,
} from '../../../../shared/features/backlog/api';
import { newBacklogItem } from '../../../../shared/features/backlog/new-item';
import { rankAtEnd, type Ranked } from '../../../../shared/domain/fractional-rank';
import { DEFAULT_WEIGHTS } from '../../../../shared/domain/prioritization';
import { moveItem, patchItem, setDemand } from '../../../../shared/features/backlog/prioritization-edits';
import { defineLocalMutator, type LocalMutatorContext } from '../../outbox/local-mutator';

/**
 * The optimistic side of the backlog push mutations (the server backlog feature's), through
 * the same pure edit rules the server applies, so a rebase after every pull lands where the server
 * will: fields overwrite, demand is a set, a move is recomputed from the neighbours as they are now,
 * and an edit to an item the server deleted does nothing (deletes win).
 */

const current = (ctx: LocalMutatorContext, id: string): BacklogItem | null => {
  const parsed = BacklogItem.safeParse(ctx.read('backlog_item', id));
  return parsed.success ? parsed.data : null;
};

export const localOrder = (db: Database): Ranked[] =>
  db.prepare('SELECT id, rank FROM backlog_items ORDER BY rank, id').all() as Ranked[];

const titleOf = (db: Database, id: string) =>
  (db.prepare('SELECT title FROM backlog_items WHERE id = ?').get(id) as { title: string } | undefined)
    ?.title ?? 'a deleted item';

export const backlogLocalMutators = [
  defineLocalMutator({
    name: 'backlog.create',
    args: BacklogCreateArgs,
    describe: (_db, args) => `Add backlog item “${args.title}”`,
    apply(ctx, args) {
      if (current(ctx, args.id)) return;
      ctx.put(
        'backlog_item',
        args.id,
        newBacklogItem(args, {
          id: args.id,
          rank: rankAtEnd(localOrder(ctx.db)),
          at: ctx.createdAt,
          proposedBy: null,
          demandTeamIds: args.demandTeamIds,
        }),
      );
    },
  }),
  defineLocalMutator({
    name: 'backlog.update',
    args: BacklogUpdateArgs,
    describe: (db, { id, patch }) => `Edit ${titleOf(db, id)}: ${Object.keys(patch).join(', ')}`,
    apply(ctx, { id, patch }) {
      const item = current(ctx, id);
      if (item) ctx.put('backlog_item', id, patchItem(item, patch, ctx.createdAt));
    },
  }),
  defineLocalMutator({
    name: 'backlog.delete',
    args: BacklogDeleteArgs,
    describe: (db, { id }) => `Delete ${titleOf(db, id)}`,
    apply(ctx, { id }) {
      if (current(ctx, id)) ctx.del('backlog_item', id);
    },
  }),
  defineLocalMutator({
    name: 'backlog.move',
    args: BacklogMoveArgs,
    describe: (db, { id }) => `Re-rank ${titleOf(db, id)}`,
    apply(ctx, { id, afterId, beforeId }) {
      const item = current(ctx, id);
      if (!item) return;
      const moved = moveItem(localOrder(ctx.db), item, { afterId, beforeId }, ctx.createdAt);
      if (moved) ctx.put('backlog_item', id, moved);
    },
  }),
  defineLocalMutator({
    name: 'backlog.demand',
    args: BacklogDemandArgs,
    describe: (db, { id, present }) => `${present ? 'Add' : 'Remove'} team demand on ${titleOf(db, id)}`,
    apply(ctx, { id, teamId, present }) {
      const item = current(ctx, id);
      if (item) ctx.put('backlog_item', id, setDemand(item, teamId, present, ctx.createdAt));
    },
  }),
  defineLocalMutator({
    name: 'backlog.weights',
    args: BacklogWeightsArgs,
    describe: () => 'Change prioritization weights',
    apply(ctx, patch) {
      const parsed = BacklogWeights.safeParse(ctx.read('backlog_weights', 'default'));
      const base = parsed.success
        ? parsed.data
        : { id: 'default' as const, ...DEFAULT_WEIGHTS, updatedAt: ctx.createdAt };
      ctx.put('backlog_weights', 'default', {
        ...base,
        demand: patch.demand ?? base.demand,
        strategy: patch.strategy ?? base.strategy,
        updatedAt: ctx.createdAt,
      });
    },
  }),
];
