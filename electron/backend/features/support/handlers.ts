import { randomUUID } from 'node:crypto';
import type { IpcOutput, IpcParsedInput } from '../../../../shared/contract';
import type { supportCommands } from '../../../../shared/features/support/ipc';
import type { BackendContext, CommandOf } from '../../composition/backend-feature';
import { getSupportRow, listSupport } from './queries';
import { fillSlaSortKeys } from './sla-sort-key';

type Command = CommandOf<typeof supportCommands>;

/** Synchronous (reads and one SQLite transaction each). */
export type SupportHandlers = { [C in Command]: (input: IpcParsedInput<C>) => IpcOutput<C> };

/**
 * IPC for support intake. Reads come from the cache (offline) with their SLA clock; writes are
 * enqueued with their optimistic effect. New requests, replies and promoted items get their UUID
 * here, so an offline-created row keeps its id when the platform accepts it.
 */
export function createSupportHandlers(ctx: BackendContext): { handlers: SupportHandlers } {
  const { db } = ctx;
  return {
    handlers: {
      'support:list': (query) => {
        fillSlaSortKeys(db);
        return listSupport(db, query, ctx.now());
      },
      'support:get': ({ id }) => getSupportRow(db, id, ctx.now()),
      'support:create': (input) => {
        const id = input.id ?? randomUUID();
        return { ...ctx.enqueue('support.create', { ...input, id }), id };
      },
      'support:reply': ({ id, body }) => ctx.enqueue('support.reply', { id, body, replyId: randomUUID() }),
      'support:escalate': (args) => ctx.enqueue('support.escalate', args),
      'support:resolve': (args) => ctx.enqueue('support.resolve', args),
      'support:link': (args) => ctx.enqueue('support.link', args),
      'support:promote': ({ id, title }) => {
        const itemId = randomUUID();
        return { ...ctx.enqueue('support.promote', { id, itemId, ...(title ? { title } : {}) }), itemId };
      },
    },
  };
}
