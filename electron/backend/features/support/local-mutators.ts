import {
  SupportCreateArgs,
  SupportEscalateArgs,
  SupportLinkArgs,
  SupportPromoteArgs,
  SupportReplyArgs,
  SupportRequest,
  SupportResolveArgs,
} from '../../../../shared/features/support/api';
import { BacklogItem } from '../../../../shared/features/backlog/api';
import { rankAtEnd } from '../../../../shared/domain/fractional-rank';
import { newBacklogItem } from '../../../../shared/features/backlog/new-item';
import { setDemand } from '../../../../shared/features/backlog/prioritization-edits';
import { defineLocalMutator, type LocalMutatorContext } from '../../outbox/local-mutator';
import { localOrder } from '../backlog/public';

/**
 * The optimistic side of the support push mutations (the server support feature's). Replies
 * are appended by their client UUID (a re-applied reply is not duplicated). Who "answered" is only
 * known to the server (the first reply by someone other than the requester); locally any reply by a
 * lead shows the request as answered once the server confirms.
 */

const current = (ctx: LocalMutatorContext, id: string): SupportRequest | null => {
  const parsed = SupportRequest.safeParse(ctx.read('support_request', id));
  return parsed.success ? parsed.data : null;
};

function linkLocally(ctx: LocalMutatorContext, request: SupportRequest, itemId: string): void {
  ctx.put('support_request', request.id, { ...request, linkedItemId: itemId, updatedAt: ctx.createdAt });
  const item = BacklogItem.safeParse(ctx.read('backlog_item', itemId));
  if (item.success && request.teamId) {
    ctx.put('backlog_item', itemId, setDemand(item.data, request.teamId, true, ctx.createdAt));
  }
}

export const supportLocalMutators = [
  defineLocalMutator({
    name: 'support.create',
    args: SupportCreateArgs,
    describe: (_db, args) => `File support request “${args.title}”`,
    apply(ctx, args) {
      if (current(ctx, args.id)) return;
      ctx.put('support_request', args.id, {
        id: args.id,
        title: args.title,
        body: args.body,
        tier: args.tier,
        kind: args.kind,
        capability: args.capability,
        teamId: args.teamId ?? null,
        requestedBy: null,
        status: 'open',
        firstResponseAt: null,
        escalatedAt: null,
        resolvedAt: null,
        resolution: null,
        linkedItemId: null,
        replies: [],
        createdAt: ctx.createdAt,
        updatedAt: ctx.createdAt,
      } satisfies SupportRequest);
    },
  }),
  defineLocalMutator({
    name: 'support.reply',
    args: SupportReplyArgs,
    describe: () => 'Reply to a support request',
    apply(ctx, { id, replyId, body }) {
      const request = current(ctx, id);
      if (!request || request.replies.some((r) => r.id === replyId)) return;
      const reply = { id: replyId, authorId: 'me', body, at: ctx.createdAt };
      ctx.put('support_request', id, {
        ...request,
        replies: [...request.replies, reply],
        updatedAt: ctx.createdAt,
      });
    },
  }),
  defineLocalMutator({
    name: 'support.escalate',
    args: SupportEscalateArgs,
    describe: () => 'Escalate a support request',
    apply(ctx, { id }) {
      const request = current(ctx, id);
      if (request && !request.escalatedAt) {
        ctx.put('support_request', id, { ...request, escalatedAt: ctx.createdAt, updatedAt: ctx.createdAt });
      }
    },
  }),
  defineLocalMutator({
    name: 'support.resolve',
    args: SupportResolveArgs,
    describe: () => 'Resolve a support request',
    apply(ctx, { id, resolution }) {
      const request = current(ctx, id);
      if (!request) return;
      ctx.put('support_request', id, {
        ...request,
        status: 'resolved',
        resolution,
        resolvedAt: request.resolvedAt ?? ctx.createdAt,
        updatedAt: ctx.createdAt,
      });
    },
  }),
  defineLocalMutator({
    name: 'support.link',
    args: SupportLinkArgs,
    describe: () => 'Link a support request to a backlog item',
    apply(ctx, { id, itemId }) {
      const request = current(ctx, id);
      if (request) linkLocally(ctx, request, itemId);
    },
  }),
  defineLocalMutator({
    name: 'support.promote',
    args: SupportPromoteArgs,
    describe: () => 'Turn a support request into a backlog item',
    apply(ctx, { id, itemId, title }) {
      const request = current(ctx, id);
      if (!request || request.linkedItemId) return;
      if (!ctx.read('backlog_item', itemId)) {
        ctx.put(
          'backlog_item',
          itemId,
          newBacklogItem(
            { title: title ?? request.title, description: request.body, capability: request.capability },
            {
              id: itemId,
              rank: rankAtEnd(localOrder(ctx.db)),
              at: ctx.createdAt,
              proposedBy: null,
              demandTeamIds: [],
            },
          ),
        );
      }
      linkLocally(ctx, request, itemId);
    },
  }),
];
