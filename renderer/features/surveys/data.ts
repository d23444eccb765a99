import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { IpcCommand, IpcInput, IpcOutput } from '../../shared/contract';
import type { SurveyItem } from '../../shared/features/surveys/ipc';
import { unwrap } from '../data/ipc-error';
import { pave } from '../data/pave';

/** Survey reads; `surveysQueriesByTable` tells table-invalidation which keys read which cache tables. */
export const surveyKeys = {
  all: ['surveys'] as const,
  list: ['surveys', 'list'] as const,
  get: (id: string) => ['surveys', 'get', id] as const,
  results: ['surveys', 'results'] as const,
  resultsFor: (id: string) => ['surveys', 'results', id] as const,
};

export const surveysQueriesByTable = {
  surveys: [surveyKeys.all],
  survey_receipts: [surveyKeys.all],
  survey_results: [surveyKeys.results],
  // The answer state comes from the outbox (queued / rejected with its reason).
  outbox: [surveyKeys.list, ['surveys', 'get']],
} as const;

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

export function useSurveyCommand() {
  const client = useQueryClient();
  return async <C extends IpcCommand>(command: C, input: IpcInput<C>): Promise<IpcOutput<C>> => {
    const value = unwrap(await pave().invoke(command, input)) as IpcOutput<C>;
    await client.invalidateQueries({ queryKey: surveyKeys.all });
    return value;
  };
}

/** Open surveys the user still has to answer: the nav badge counts these. */
export const toAnswer = (items: readonly SurveyItem[]) =>
  items.filter((s) => s.phase === 'open' && (s.myAnswer === 'none' || s.myAnswer === 'rejected')).length;
