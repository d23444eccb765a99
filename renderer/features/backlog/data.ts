import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { BacklogQuery } from '../../shared/features/backlog/api';
import type { IpcCommand, IpcInput, IpcOutput } from '../../shared/contract';
import { unwrap } from '../data/ipc-error';
import { pave } from '../data/pave';

/** Backlog, roadmap and support reads: all under one key prefix, invalidated by their cache tables. */
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

export const backlogItemQuery = (id: string, model: 'default' | 'rice' | 'wsjf') =>
  queryOptions({
    queryKey: ['backlog', 'item', id, model] as const,
    queryFn: async () => unwrap(await pave().invoke('backlog:get', { id, model })),
  });

export const roadmapQuery = () =>
  queryOptions({
    queryKey: backlogKeys.roadmap,
    queryFn: async () => unwrap(await pave().invoke('roadmap:get', {})),
  });

/**
 * Runs a command; the backend's `tables:changed` event then refreshes exactly the views that read
 * what it wrote (STYLE.md §8), so there is no manual refetch here.
 */
export function useCommand() {
  return async <C extends IpcCommand>(command: C, input: IpcInput<C>): Promise<IpcOutput<C>> =>
    unwrap(await pave().invoke(command, input)) as IpcOutput<C>;
}

/** Cache tables → the backlog queries that read them (merged into data/table-invalidation.ts). */
export const backlogQueriesByTable = {
  backlog_items: [backlogKeys.all],
  backlog_weights: [backlogKeys.all],
  support_requests: [backlogKeys.all],
  // Team names and sizes appear in demand labels and weigh the default model.
  teams: [backlogKeys.all],
} as const;
