import { surveysCommands } from '../../../../shared/features/surveys/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { surveyCacheMigration } from './cache-migration';
import { createSurveyHandlers } from './handlers';
import { surveyLocalMutators } from './local-mutators';
import { surveyWriters } from './writers';

/** Surveys on the desktop: definitions synced, answers queued, results fetched and cached for offline study. */
export const surveysBackend = defineBackendFeature({
  name: 'surveys',
  commands: surveysCommands,
  cacheMigrations: [surveyCacheMigration],
  // Results and receipts are fetched, not synced, but belong to the platform they came from.
  syncedTables: ['surveys', 'survey_results', 'survey_receipts'],
  entityWriters: surveyWriters,
  localMutators: surveyLocalMutators,
  handlers: createSurveyHandlers,
});
