import type { Pool } from 'pg';
import { WEEK_MS, isoDate, rangeMs, weekStartMs, type MetricRange } from '../../../shared/domain/metrics';
import type { WeeklyPoint } from '../../../shared/features/metrics/api';
import type { ResolvedScope } from './scope';

/**
 * One point per ISO week (Monday, UTC) touching the range, empty weeks included, counting only what
 * falls inside the range — shared/domain/metrics/weekly.ts's definition, grouped in SQL.
 */
export async function weeklyPoints(
  pool: Pool,
  scope: ResolvedScope,
  range: MetricRange,
): Promise<WeeklyPoint[]> {
  const span = rangeMs(range);
  if (span.to <= span.from) return [];
  const { rows } = await pool.query<{
    week: string;
    deployments: string;
    lead_median: number | null;
    failures: string;
    incidents: string;
  }>(
    `WITH d AS (
       SELECT to_char(date_trunc('week', at, 'UTC'), 'YYYY-MM-DD') AS week,
              count(*) FILTER (WHERE kind = 'deployment') AS deployments,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY lead_seconds) AS lead_median,
              count(*) FILTER (WHERE kind = 'deployment' AND change_failure) AS failures
         FROM delivery_facts
        WHERE at >= $1 AND at < $2 AND kind = 'deployment'
          AND ($3::text IS NULL OR team_id = $3) AND ($4::text IS NULL OR service_id = $4)
        GROUP BY 1
     ), i AS (
       SELECT to_char(date_trunc('week', opened_at, 'UTC'), 'YYYY-MM-DD') AS week, count(*) AS incidents
         FROM incident_facts
        WHERE opened_at >= $1 AND opened_at < $2
          AND ($3::text IS NULL OR team_id = $3) AND ($4::text IS NULL OR service_id = $4)
        GROUP BY 1
     )
     SELECT COALESCE(d.week, i.week) AS week, COALESCE(d.deployments, 0) AS deployments, d.lead_median,
            COALESCE(d.failures, 0) AS failures, COALESCE(i.incidents, 0) AS incidents
       FROM d FULL JOIN i ON i.week = d.week`,
    [range.from, range.to, scope.teamId, scope.serviceId],
  );
  const byWeek = new Map(rows.map((row) => [row.week, row]));
  const first = weekStartMs(span.from);
  const points: WeeklyPoint[] = [];
  for (let week = first; week < span.to; week += WEEK_MS) {
    const row = byWeek.get(isoDate(week));
    points.push({
      weekStart: isoDate(week),
      deployments: Number(row?.deployments ?? 0),
      leadTimeMedianSeconds: row?.lead_median ?? null,
      failures: Number(row?.failures ?? 0),
      incidents: Number(row?.incidents ?? 0),
    });
  }
  return points;
}
