import { z } from 'zod';
import { text } from '../../api/text';
import { Empty, Enqueued, IpcErrorShape } from '../../ipc/contract';
import { Survey, SurveyAnswers, SurveyCreate, SurveyPatch, SurveyResults } from './api';

/** A survey as the signed-in user sees it: its window and their own answer's fate. */
export const SurveyItem = z.object({
  survey: Survey,
  phase: z.enum(['draft', 'upcoming', 'open', 'closed']),
  /** none → queued (offline, in the outbox) → answered; rejected keeps the platform's reason. */
  myAnswer: z.enum(['none', 'queued', 'answered', 'rejected']),
  rejection: IpcErrorShape.nullable(),
  /** Local edits of this survey not yet accepted by the platform (drafts made offline). */
  pendingEdits: z.number().int(),
});
export type SurveyItem = z.infer<typeof SurveyItem>;

/** Results as cached: studied offline from the last fetch; `error` says why it is not fresher. */
export const CachedSurveyResults = z.object({
  results: SurveyResults.nullable(),
  fetchedAt: text().nullable(),
  error: IpcErrorShape.nullable(),
});
export type CachedSurveyResults = z.infer<typeof CachedSurveyResults>;

const SurveyRef = z.object({ id: text().min(1).max(100) });

export const surveysCommands = {
  /** Surveys: definitions from the cache; drafts, publishing and answers are queued (offline-first). */
  'surveys:list': { input: Empty, output: z.array(SurveyItem) },
  'surveys:get': { input: SurveyRef, output: SurveyItem.nullable() },
  'surveys:create': { input: SurveyCreate, output: Enqueued.extend({ id: text() }) },
  'surveys:update': {
    input: z.object({ id: text().min(1).max(100), patch: SurveyPatch }),
    output: Enqueued,
  },
  'surveys:publish': { input: SurveyRef, output: Enqueued },
  'surveys:answer': {
    input: z.object({ surveyId: text().min(1).max(100), answers: SurveyAnswers }),
    output: Enqueued,
  },
  /** Fetches fresh results when the platform is reachable, else answers the cached ones. */
  'surveys:results': { input: SurveyRef, output: CachedSurveyResults },
  /** Refreshes which surveys the platform has receipts for (answered on any device). */
  'surveys:refresh': { input: Empty, output: z.object({ answered: z.number().int() }) },
} as const;
