import { randomUUID } from 'node:crypto';
import { answerProblems } from '../../../../shared/features/surveys/answer-problems';
import { MySurveys, SurveyResults } from '../../../../shared/features/surveys/api';
import type { surveysCommands } from '../../../../shared/features/surveys/ipc';
import type { BackendContext, CommandOf, FeatureHandlers } from '../../composition/backend-feature';
import { IpcError } from '../../ipc/ipc-error';
import { isPlatformError } from '../../platform/platform-error';
import { listSurveyItems, readCachedResults, writeCachedResults, writeReceipts } from './queries';

const unreachable = (message: string) => ({ code: 'offline', message });

/** Survey IPC: reads from the cache; writes are queued intents; results are fetched and cached. */
export function createSurveyHandlers(
  ctx: BackendContext,
): FeatureHandlers<CommandOf<typeof surveysCommands>> {
  const { db } = ctx;
  const handlers: FeatureHandlers<CommandOf<typeof surveysCommands>>['handlers'] = {
    'surveys:list': () => listSurveyItems(db, ctx.now()),
    'surveys:get': ({ id }) => listSurveyItems(db, ctx.now(), id)[0] ?? null,
    'surveys:create': (input) => {
      const id = input.id ?? randomUUID();
      return { ...ctx.enqueue('survey.create', { ...input, id }), id };
    },
    'surveys:update': (args) => ctx.enqueue('survey.update', args),
    'surveys:publish': (args) => ctx.enqueue('survey.publish', args),
    'surveys:answer': ({ surveyId, answers }) => {
      const item = listSurveyItems(db, ctx.now(), surveyId)[0];
      if (!item) throw new IpcError('not_found', `survey ${surveyId} is not in the cache`);
      if (item.myAnswer === 'answered' || item.myAnswer === 'queued') {
        throw new IpcError('already_answered', `you have already answered "${item.survey.title}"`);
      }
      // The close is judged by the platform when the answer arrives; here only the obvious case.
      if (item.phase === 'closed') {
        throw new IpcError('survey_closed', `"${item.survey.title}" closed at ${item.survey.closesAt}`);
      }
      // Checked here with the platform's own rule, so a refusal comes before the queue, not after.
      const problems = answerProblems(item.survey.questions, answers);
      if (problems.length > 0) {
        throw new IpcError(
          'invalid_input',
          problems.map((problem) => problem.message).join(' '),
          problems.map((problem) => ({
            path: problem.questionId === null ? '' : `answers.${problem.questionId}`,
            message: problem.message,
          })),
        );
      }
      return ctx.enqueue('survey.answer', { surveyId, responseId: randomUUID(), answers });
    },
    'surveys:results': async ({ id }) => {
      const client = ctx.platform.client();
      if (!client) return { ...readCachedResults(db, id), error: unreachable('no platform is connected') };
      try {
        const results = await client.get(`/v1/surveys/${encodeURIComponent(id)}/results`, SurveyResults);
        const fetchedAt = ctx.now().toISOString();
        // Kept for offline reading, not announced: the only view reading survey_results is the
        // one that asked, and announcing would make it ask again, for ever.
        writeCachedResults(db, results, fetchedAt);
        return { results, fetchedAt, error: null };
      } catch (err) {
        if (!isPlatformError(err)) throw err;
        // Offline or refused: the cached aggregates are still worth studying.
        return { ...readCachedResults(db, id), error: { code: err.code, message: err.message } };
      }
    },
    'surveys:refresh': async () => {
      const client = ctx.platform.client();
      if (!client) throw new IpcError('offline', 'no platform is connected');
      const mine = await client.get('/v1/me/surveys', MySurveys);
      if (writeReceipts(db, mine.answeredSurveyIds)) ctx.tablesChanged(['surveys']);
      return { answered: mine.answeredSurveyIds.length };
    },
  };
  return { handlers };
}
