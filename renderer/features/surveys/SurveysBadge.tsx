import { useQuery } from '@tanstack/react-query';
import { surveysQuery, toAnswer } from './data';

/** The nav badge: open surveys the user has not answered yet (from the cache, so it works offline). */
export function SurveysBadge() {
  const surveys = useQuery(surveysQuery());
  const count = toAnswer(surveys.data ?? []);
  if (!count) return null;
  return (
    <span className="surveys-badge" data-testid="surveys-badge" aria-label={`${count} survey(s) to answer`}>
      {count}
    </span>
  );
}
