import { pageRoute } from '../../router/page-route';
import { lazyPage } from '../../shell/lazy-page';
import type { RendererFeature } from '../../shell/renderer-feature';
import { surveyQueryKeysByTable } from './data';
import { surveyRoutes } from './routes';
import { SurveysBadge } from './SurveysBadge';

/** Satisfaction surveys and NPS: answer them, run them (leads), read the results. */
export const surveysRenderer: RendererFeature = {
  name: 'surveys',
  routes: [
    pageRoute(
      surveyRoutes.surveys,
      lazyPage(() => import('./SurveysPage').then((module) => module.SurveysPage)),
    ),
    pageRoute(
      surveyRoutes.survey,
      lazyPage(() => import('./SurveyPage').then((module) => module.SurveyPage)),
    ),
  ],
  navEntries: [
    {
      group: 'Platform',
      order: 40,
      label: 'Surveys',
      icon: '☺',
      href: surveyRoutes.surveys.href(),
      activeOn: [surveyRoutes.surveys, surveyRoutes.survey],
      testId: 'nav-surveys',
      badge: SurveysBadge,
    },
  ],
  paletteCommands: [
    {
      id: 'new-survey',
      kind: 'action',
      label: 'New survey',
      keywords: 'nps satisfaction quarter create',
      href: surveyRoutes.surveys.href(),
      roles: ['lead', 'admin'],
      then: { click: '[data-testid="survey-new"]' },
    },
  ],
  queryKeysByTable: surveyQueryKeysByTable,
};
