import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { MySurveys, SurveyResults } from '../../../shared/features/surveys/api';
import type { IpcHandlers } from '../ipc/dispatch';
import { IpcError } from '../ipc/ipc-error';
import type { PlatformClient } from '../platform/platform-client';
import { isPlatformError } from '../platform/platform-error';
import { listSurveyItems, readCachedResults, writeCachedResults, writeReceipts } from './survey-queries';

export type SurveyHandlers = Pick<
  IpcHandlers,
  | 'surveys:list'
  | 'surveys:get'
  | 'surveys:create'
  | 'surveys:update'
  | 'surveys:publish'
  | 'surveys:answer'
  | 'surveys:results'
  | 'surveys:refresh'
>;

export interface SurveyHandlerDeps {
  db: Database;
  /** Enqueues a push mutation with its optimistic effect (the outbox handlers' path). */
  enqueue(name: string, args: unknown): { mutationId: number };
  /** The platform in use, or null while none is connected. */
  client(): PlatformClient | null;
  onTablesChanged(tables: string[]): void;
  now?: () => Date;
}

const unreachable = (message: string) => ({ code: 'offline', message });

/** Survey IPC: reads from the cache; writes are queued intents; results are fetched and cached. */
export function createSurveyHandlers(deps: SurveyHandlerDeps): SurveyHandlers {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    'surveys:list': () => listSurveyItems(db, now()),
    'surveys:get': ({ id }) => listSurveyItems(db, now(), id)[0] ?? null,
    'surveys:create': (input) => {
      const id = input.id ?? randomUUID();
      return { ...deps.enqueue('survey.create', { ...input, id }), id };
    },
    'surveys:update': (args) => deps.enqueue('survey.update', args),
    'surveys:publish': (args) => deps.enqueue('survey.publish', args),
    'surveys:answer': ({ surveyId, answers }) => {
      const item = listSurveyItems(db, now(), surveyId)[0];
      if (!item) throw new IpcError('not_found', `survey ${surveyId} is not in the cache`);
      if (item.myAnswer === 'answered' || item.myAnswer === 'queued') {
        throw new IpcError('already_answered', `you have already answered "${item.survey.title}"`);
      }
      // The close is judged by the platform when the answer arrives; here only the obvious case.
      if (item.phase === 'closed') {
        throw new IpcError('survey_closed', `"${item.survey.title}" closed at ${item.survey.closesAt}`);
      }
      return deps.enqueue('survey.answer', { surveyId, responseId: randomUUID(), answers });
    },
    'surveys:results': async ({ id }) => {
      const client = deps.client();
      if (!client) return { ...readCachedResults(db, id), error: unreachable('no platform is connected') };
      try {
        const results = await client.get(`/v1/surveys/${encodeURIComponent(id)}/results`, SurveyResults);
        const fetchedAt = now().toISOString();
        writeCachedResults(db, results, fetchedAt);
        deps.onTablesChanged(['survey_results']);
        return { results, fetchedAt, error: null };
      } catch (err) {
        if (!isPlatformError(err)) throw err;
        // Offline or refused: the cached aggregates are still worth studying.
        return { ...readCachedResults(db, id), error: { code: err.code, message: err.message } };
      }
    },
    'surveys:refresh': async () => {
      const client = deps.client();
      if (!client) throw new IpcError('offline', 'no platform is connected');
      const mine = await client.get('/v1/me/surveys', MySurveys);
      if (writeReceipts(db, mine.answeredSurveyIds)) deps.onTablesChanged(['surveys']);
      return { answered: mine.answeredSurveyIds.length };
    },
  };
}
