import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { IpcOutput, IpcParsedInput } from '../../../shared/contract';
import { enqueue } from '../outbox/enqueue';
import type { LocalMutatorRegistry } from '../outbox/local-mutator';
import { listSupport } from '../support/support-queries';
import { backlogCsv } from './backlog-csv';
import { getBacklogRow, listBacklog, roadmap } from './backlog-queries';

type Command =
  | 'backlog:list'
  | 'backlog:get'
  | 'backlog:create'
  | 'backlog:update'
  | 'backlog:delete'
  | 'backlog:move'
  | 'backlog:demand'
  | 'backlog:setWeights'
  | 'backlog:exportCsv'
  | 'roadmap:get'
  | 'support:list'
  | 'support:create'
  | 'support:reply'
  | 'support:escalate'
  | 'support:resolve'
  | 'support:link'
  | 'support:promote';

export type BacklogHandlers = { [C in Command]: (input: IpcParsedInput<C>) => IpcOutput<C> };

export interface BacklogHandlerDeps {
  db: Database;
  mutators: LocalMutatorRegistry;
  onTablesChanged(tables: string[]): void;
  onLocalChange(): void;
  now?: () => Date;
}

/**
 * IPC for the backlog, roadmap and support intake. Reads come from the cache (offline); writes are
 * enqueued with their optimistic effect in one SQLite transaction. New items, requests and replies
 * get their UUID here, so an offline-created row keeps its id when the platform accepts it.
 */
export function createBacklogHandlers(deps: BacklogHandlerDeps): BacklogHandlers {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const submit = (name: string, args: unknown) => {
    const { entry, tables } = enqueue(db, deps.mutators, name, args, now());
    deps.onTablesChanged(tables);
    deps.onLocalChange();
    return { mutationId: entry.mutationId };
  };
  return {
    'backlog:list': (query) => listBacklog(db, query),
    'backlog:get': ({ id, model }) => getBacklogRow(db, id, model),
    'backlog:create': (input) => {
      const id = input.id ?? randomUUID();
      return { ...submit('backlog.create', { ...input, id }), id };
    },
    'backlog:update': (args) => submit('backlog.update', args),
    'backlog:delete': (args) => submit('backlog.delete', args),
    'backlog:move': (args) => submit('backlog.move', args),
    'backlog:demand': (args) => submit('backlog.demand', args),
    'backlog:setWeights': (args) => submit('backlog.weights', args),
    'backlog:exportCsv': (query) => backlogCsv(db, query, now()),
    'roadmap:get': () => roadmap(db),
    'support:list': (query) => listSupport(db, query, now()),
    'support:create': (input) => {
      const id = input.id ?? randomUUID();
      return { ...submit('support.create', { ...input, id }), id };
    },
    'support:reply': ({ id, body }) => submit('support.reply', { id, body, replyId: randomUUID() }),
    'support:escalate': (args) => submit('support.escalate', args),
    'support:resolve': (args) => submit('support.resolve', args),
    'support:link': (args) => submit('support.link', args),
    'support:promote': ({ id, title }) => {
      const itemId = randomUUID();
      return { ...submit('support.promote', { id, itemId, ...(title ? { title } : {}) }), itemId };
    },
  };
}
