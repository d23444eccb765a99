import { routePath } from '../../router/route-path';

export const surveyRoutes = {
  surveys: routePath('/surveys'),
  survey: routePath('/surveys/:id'),
};
