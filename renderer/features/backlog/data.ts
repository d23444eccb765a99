import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { BacklogQuery } from '../../../shared/features/backlog/api';
import type { QueryKeysByTable } from '../../data/table-invalidation';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';

/** Backlog and roadmap reads: all under one key prefix, invalidated by their cache tables. */
export const backlogKeys = {
  all: ['backlog'] as const,
  list: (q: BacklogQuery) => ['backlog', 'list', q] as const,
  roadmap: ['backlog', 'roadmap'] as const,
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

/** Cache tables → the backlog queries that read them. */
export const backlogQueryKeysByTable: QueryKeysByTable = {
  backlog_items: [backlogKeys.all],
  backlog_weights: [backlogKeys.all],
  support_requests: [backlogKeys.all],
  // Team names and sizes appear in demand labels and weigh the default model.
  teams: [backlogKeys.all],
};
