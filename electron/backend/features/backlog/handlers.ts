import { randomUUID } from 'node:crypto';
import type { IpcOutput, IpcParsedInput } from '../../../../shared/contract';
import type { backlogCommands } from '../../../../shared/features/backlog/ipc';
import type { BackendContext, CommandOf } from '../../composition/backend-feature';
import { backlogCsv } from './csv';
import { getBacklogRow, listBacklog, roadmap } from './queries';

type Command = CommandOf<typeof backlogCommands>;

/** Synchronous (reads and one SQLite transaction each). */
export type BacklogHandlers = { [C in Command]: (input: IpcParsedInput<C>) => IpcOutput<C> };

/**
 * IPC for the backlog and roadmap. Reads come from the cache (offline); writes are enqueued with
 * their optimistic effect in one SQLite transaction. A new item gets its UUID here, so an
 * offline-created row keeps its id when the platform accepts it.
 */
export function createBacklogHandlers(ctx: BackendContext): { handlers: BacklogHandlers } {
  const { db } = ctx;
  return {
    handlers: {
      'backlog:list': (query) => listBacklog(db, query),
      'backlog:get': ({ id, model }) => getBacklogRow(db, id, model),
      'backlog:create': (input) => {
        const id = input.id ?? randomUUID();
        return { ...ctx.enqueue('backlog.create', { ...input, id }), id };
      },
      'backlog:update': (args) => ctx.enqueue('backlog.update', args),
      'backlog:delete': (args) => ctx.enqueue('backlog.delete', args),
      'backlog:move': (args) => ctx.enqueue('backlog.move', args),
      'backlog:demand': (args) => ctx.enqueue('backlog.demand', args),
      'backlog:setWeights': (args) => ctx.enqueue('backlog.weights', args),
      'backlog:exportCsv': (query) => backlogCsv(db, query, ctx.now()),
      'roadmap:get': () => roadmap(db),
    },
  };
}
