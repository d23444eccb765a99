import { fileURLToPath } from 'node:url';
import { defineServerFeature } from '../../platform/server-feature';
import { seedDemoSurveys } from './demo';
import { surveyMutations } from './mutations';
import { surveyRoutes } from './routes';

/** Satisfaction surveys and NPS: authoring, anonymous answers, and results leads may see. */
export const surveysFeature = defineServerFeature({
  name: 'surveys',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  syncedEntities: ['survey'],
  routes: ({ app, pool }) => void app.register(surveyRoutes, { pool }),
  mutations: () => surveyMutations,
  seed: seedDemoSurveys,
});
