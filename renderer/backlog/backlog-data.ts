import { keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import type { BacklogQuery } from '../../shared/api/backlog';
import type { IpcCommand, IpcInput, IpcOutput } from '../../shared/ipc/contract';
import { unwrap } from '../data/ipc-error';
import { pave } from '../data/pave';

/**
 * Backlog, roadmap and support reads. Their cache tables (backlog_items, backlog_weights,
 * support_requests) are not in table-invalidation's map, so a write to them invalidates every
 * query — correct, if broader than needed.
 */
export const backlogKeys = {
  all: ['backlog'] as const,
  list: (q: BacklogQuery) => ['backlog', 'list', q] as const,
  roadmap: ['backlog', 'roadmap'] as const,
  support: (q: unknown) => ['backlog', 'support', q] as const,
};

export const backlogListQuery = (query: BacklogQuery) =>
  queryOptions({
    queryKey: backlogKeys.list(query),
    queryFn: async () => unwrap(await pave().invoke('backlog:list', query)),
    placeholderData: keepPreviousData,
  });

export const roadmapQuery = () =>
  queryOptions({
    queryKey: backlogKeys.roadmap,
    queryFn: async () => unwrap(await pave().invoke('roadmap:get', {})),
  });

/** Runs a command and refreshes the backlog views at once (the tables:changed event follows anyway). */
export function useCommand() {
  const client = useQueryClient();
  return async <C extends IpcCommand>(command: C, input: IpcInput<C>): Promise<IpcOutput<C>> => {
    const value = unwrap(await pave().invoke(command, input)) as IpcOutput<C>;
    await client.invalidateQueries({ queryKey: backlogKeys.all });
    return value;
  };
}
