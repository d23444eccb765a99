import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { surveyResultsQuery, surveysQuery } from './data';
import { NpsTrendChart } from './NpsTrendChart';
import type { TrendPoint } from '../../../shared/features/surveys/api';
import type { SurveyItem } from '../../../shared/features/surveys/ipc';
import './Surveys.css';

/** The closed survey with a quarter that closed last: its results carry the trend before it. */
export function latestClosedQuarterly(items: readonly SurveyItem[]): SurveyItem | null {
  let latest: SurveyItem | null = null;
  for (const item of items) {
    if (item.phase !== 'closed' || item.survey.quarter === null) continue;
    if (!latest || Date.parse(item.survey.closesAt) > Date.parse(latest.survey.closesAt)) latest = item;
  }
  return latest;
}

/**
 * NPS per quarter for another page (the Metrics page): the trend of the latest closed quarterly
 * survey, drawn with its whiskers, handed with its numbers to `children` (which shows chart and table).
 */
export function LatestNpsTrend({
  children,
}: {
  children(chart: ReactNode, points: readonly TrendPoint[]): ReactNode;
}) {
  const surveys = useQuery(surveysQuery());
  const latest = surveys.data ? latestClosedQuarterly(surveys.data) : null;
  const results = useQuery({ ...surveyResultsQuery(latest?.survey.id ?? ''), enabled: latest !== null });
  if (surveys.isPending) return <p className="surveys-hint">Loading surveys…</p>;
  if (!latest) return <p className="surveys-hint">No quarterly survey has closed yet.</p>;
  if (results.isPending) return <p className="surveys-hint">Loading results…</p>;
  const trend = results.data?.results?.trend ?? [];
  if (results.isError || trend.length === 0) {
    return (
      <p className="surveys-hint">
        {results.data?.error?.message ??
          'No NPS trend to show: the surveys have too few answers or are not readable here.'}
      </p>
    );
  }
  return children(<NpsTrendChart points={trend} />, trend);
}
