import type { TrendPoint } from '../../../shared/features/surveys/api';

export interface NpsTrendRow {
  surveyId: string;
  /** The quarter ("2026-Q3"), else the survey's title. */
  label: string;
  nps: number;
  low: number;
  high: number;
  n: number;
}

/**
 * The points a chart can draw: a survey whose NPS is hidden (too few answers) or has no interval
 * has nothing to place, so it is left out rather than drawn at zero.
 */
export function npsTrendRows(points: readonly TrendPoint[]): NpsTrendRow[] {
  const rows: NpsTrendRow[] = [];
  for (const point of points) {
    const { nps, low, high, n } = point.nps;
    if (nps === null || low === null || high === null) continue;
    rows.push({ surveyId: point.surveyId, label: point.quarter ?? point.title, nps, low, high, n });
  }
  return rows;
}
