import {
  SupportCreateArgs,
  SupportEscalateArgs,
  SupportLinkArgs,
  SupportPromoteArgs,
  SupportReplyArgs,
  SupportResolveArgs,
} from '../../../shared/features/support/api';
import { defineMutation } from '../../sync/mutation-registry';
import {
  createRequest,
  escalateRequest,
  linkRequest,
  promoteRequest,
  replyToRequest,
  resolveRequest,
} from './store';

/** Offline support edits; replies carry client UUIDs, so a replayed reply is a no-op. */
export const supportMutations = [
  defineMutation({
    name: 'support.create',
    args: SupportCreateArgs,
    async handle(ctx, args) {
      const request = await createRequest(ctx.tx, ctx.principal, args, { at: ctx.createdAt });
      return { id: request.id };
    },
  }),
  defineMutation({
    name: 'support.reply',
    args: SupportReplyArgs,
    async handle(ctx, { id, replyId, body }) {
      // The reply's time is when it was written (offline), so the SLA clock is fair to the responder.
      await replyToRequest(ctx.tx, ctx.principal, id, { id: replyId, body }, { at: ctx.createdAt });
      return {};
    },
  }),
  defineMutation({
    name: 'support.escalate',
    args: SupportEscalateArgs,
    async handle(ctx, { id }) {
      await escalateRequest(ctx.tx, ctx.principal, id);
      return {};
    },
  }),
  defineMutation({
    name: 'support.resolve',
    args: SupportResolveArgs,
    async handle(ctx, { id, resolution }) {
      await resolveRequest(ctx.tx, ctx.principal, id, resolution);
      return {};
    },
  }),
  defineMutation({
    name: 'support.link',
    args: SupportLinkArgs,
    async handle(ctx, { id, itemId }) {
      await linkRequest(ctx.tx, ctx.principal, id, itemId);
      return {};
    },
  }),
  defineMutation({
    name: 'support.promote',
    args: SupportPromoteArgs,
    async handle(ctx, { id, itemId, title }) {
      await promoteRequest(ctx.tx, ctx.principal, id, { itemId, ...(title ? { title } : {}) });
      return { itemId };
    },
  }),
];
