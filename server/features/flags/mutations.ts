import { FlagCreateArgs, FlagDeleteArgs, FlagUpdateArgs } from '../../../shared/features/flags/api';
import { defineMutation } from '../../sync/mutation-registry';
import { createFlag, deleteFlag, updateFlag } from './store';

/**
 * Flag changes from the desktop's outbox (offline too). The core applies each at most once; on
 * top of that a create carries the client's id, updates set fields (never flip), and a delete of
 * a flag already gone is done — so even a replay by another path changes nothing twice.
 */
export const flagsMutations = [
  defineMutation({
    name: 'flag.create',
    args: FlagCreateArgs,
    async handle(ctx, { serviceId, ...input }) {
      const flag = await createFlag(ctx.tx, ctx.principal, serviceId, input);
      return { id: flag.id };
    },
  }),
  defineMutation({
    name: 'flag.update',
    args: FlagUpdateArgs,
    async handle(ctx, { id, ...patch }) {
      await updateFlag(ctx.tx, ctx.principal, id, patch);
      return {};
    },
  }),
  defineMutation({
    name: 'flag.delete',
    args: FlagDeleteArgs,
    async handle(ctx, { id }) {
      await deleteFlag(ctx.tx, ctx.principal, id, true);
      return {};
    },
  }),
];
