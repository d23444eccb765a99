import { queryOptions } from '@tanstack/react-query';
import type { SurveyItem } from '../../../shared/features/surveys/ipc';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import type { QueryKeysByTable } from '../../data/table-invalidation';

/** Survey query keys: prefixes first, so invalidating `all` hits every survey query. */
export const surveyKeys = {
  all: ['surveys'] as const,
  list: ['surveys', 'list'] as const,
  get: (id: string) => ['surveys', 'get', id] as const,
  results: ['surveys', 'results'] as const,
  resultsFor: (id: string) => ['surveys', 'results', id] as const,
};

/** Cache tables → the survey queries that read them. */
export const surveyQueryKeysByTable: QueryKeysByTable = {
  surveys: [surveyKeys.all],
  survey_receipts: [surveyKeys.all],
  survey_results: [surveyKeys.results],
  // The answer state comes from the outbox (queued / rejected with its reason).
  outbox: [surveyKeys.list, ['surveys', 'get']],
};

export const surveysQuery = () =>
  queryOptions({
    queryKey: surveyKeys.list,
    queryFn: async () => unwrap(await pave().invoke('surveys:list', {})),
  });

export const surveyQuery = (id: string) =>
  queryOptions({
    queryKey: surveyKeys.get(id),
    queryFn: async () => unwrap(await pave().invoke('surveys:get', { id })),
  });

/** Fetches fresh results when online; the backend answers the cached ones offline. */
export const surveyResultsQuery = (id: string) =>
  queryOptions({
    queryKey: surveyKeys.resultsFor(id),
    queryFn: async () => unwrap(await pave().invoke('surveys:results', { id })),
    staleTime: 30_000,
  });

/** Open surveys the user still has to answer: the nav badge counts these. */
export const toAnswer = (items: readonly SurveyItem[]) =>
  items.filter((s) => s.phase === 'open' && (s.myAnswer === 'none' || s.myAnswer === 'rejected')).length;
