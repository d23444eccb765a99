import {
  BacklogCreateArgs,
  BacklogDeleteArgs,
  BacklogDemandArgs,
  BacklogMoveArgs,
  BacklogUpdateArgs,
  BacklogWeightsArgs,
} from '../../../shared/features/backlog/api';
import { defineMutation, type MutationDefinition } from '../../sync/mutation-registry';
import { deleteItem } from './delete-item';
import { createItem, moveBacklogItem, setItemDemand, updateItem } from './store';
import type { BacklogExtensions } from './public';
import { setWeights } from './weights';

/**
 * Offline backlog edits, applied in server arrival order through the same functions as REST.
 * An edit to a deleted item rejects with not_found (deletes win); a move whose neighbours both
 * vanished rejects with conflict; demand is idempotent set membership.
 */
export const backlogMutations = (extensions: BacklogExtensions): MutationDefinition[] => [
  defineMutation({
    name: 'backlog.create',
    args: BacklogCreateArgs,
    async handle(ctx, args) {
      const item = await createItem(ctx.tx, ctx.principal, args);
      return { id: item.id };
    },
  }),
  defineMutation({
    name: 'backlog.update',
    args: BacklogUpdateArgs,
    async handle(ctx, { id, patch }) {
      const item = await updateItem(ctx.tx, ctx.principal, id, patch);
      return { updatedAt: item.updatedAt };
    },
  }),
  defineMutation({
    name: 'backlog.delete',
    args: BacklogDeleteArgs,
    async handle(ctx, { id }) {
      await deleteItem(ctx.tx, ctx.principal, id, extensions);
      return {};
    },
  }),
  defineMutation({
    name: 'backlog.move',
    args: BacklogMoveArgs,
    async handle(ctx, { id, afterId, beforeId }) {
      const item = await moveBacklogItem(ctx.tx, ctx.principal, id, { afterId, beforeId });
      return { rank: item.rank };
    },
  }),
  defineMutation({
    name: 'backlog.demand',
    args: BacklogDemandArgs,
    async handle(ctx, { id, teamId, present }) {
      const item = await setItemDemand(ctx.tx, ctx.principal, id, teamId, present);
      return { demandTeamIds: item.demandTeamIds };
    },
  }),
  defineMutation({
    name: 'backlog.weights',
    args: BacklogWeightsArgs,
    async handle(ctx, patch) {
      const weights = await setWeights(ctx.tx, ctx.principal, patch);
      return { demand: weights.demand, strategy: weights.strategy };
    },
  }),
];
