import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { BacklogQuery } from '../../../shared/features/backlog/api';
import type { QueryKeysByTable } from '../../data/table-invalidation';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';

/** Backlog and roadmap reads: all under one key prefix, invalidated by their cache tables. */
export const backlogKeys = {
  all: ['backlog'] as const,
  list: (q: BacklogQuery) => ['backlog', 'list', q] as const,
  window: (q: BacklogQuery, block: number) => ['backlog', 'window', q, block] as const,
  locate: (q: BacklogQuery, id: string) => ['backlog', 'locate', q, id] as const,
  roadmap: ['backlog', 'roadmap'] as const,
};

/** Rows per window: the table asks for the windows its visible rows fall in. */
export const BACKLOG_WINDOW = 100;

/**
 * One window of the backlog table (issue 12): rows `block × 100 …` of the query with the counts
 * and weights. Window 0 is also the page's counts; the table asks for the others as they scroll
 * into view, each cached under its own key. The page carries the query that produced it, so rows
 * kept on screen while a new query loads are labelled truthfully.
 */
export const backlogWindowQuery = (query: BacklogQuery, block = 0) =>
  queryOptions({
    queryKey: backlogKeys.window(query, block),
    queryFn: async () => ({
      ...unwrap(
        await pave().invoke('backlog:list', {
          ...query,
          offset: block * BACKLOG_WINDOW,
          limit: BACKLOG_WINDOW,
        }),
      ),
      query,
    }),
    placeholderData: keepPreviousData,
  });

/** Where an item sits in the query's whole order (null when it does not match), to scroll to it. */
export const backlogLocateQuery = (query: BacklogQuery, id: string) =>
  queryOptions({
    queryKey: backlogKeys.locate(query, id),
    queryFn: async () =>
      unwrap(await pave().invoke('backlog:list', { ...query, offset: 0, limit: 1, locate: id })).located,
  });

/** Every matching item at once: for the roadmap, which draws them all, and support's item picker. */
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
