import type { Pool } from 'pg';
import {
  beforeAfterRanges,
  computeRoi,
  doraImprovement,
  lastDays,
  leadTimeHistogram,
  LEAD_TIME_BUCKETS,
  type MetricRange,
} from '../../../shared/domain/metrics';
import type {
  Adoption,
  BeforeAfter,
  DoraKeys,
  MetricScope,
  MetricsReport,
  MetricsSettings,
  Roi,
} from '../../../shared/features/metrics/api';
import { adoption } from './adoption';
import { capabilityUsage } from './capability-uses';
import { doraKeys } from './dora-sql';
import { launchDate } from './launch-date';
import { onboarding } from './onboarding';
import { resolveScope, type ResolvedScope } from './scope';
import { readSettings } from './settings';
import { weeklyPoints } from './weekly';

/** Days the metrics look at when a request names no range. */
export const DEFAULT_RANGE_DAYS = 90;

/** One metrics request after parsing: scope resolved, range and adoption window settled. */
export interface MetricsRequest {
  scope: ResolvedScope;
  range: MetricRange;
  asOf: string;
  adoptionDays: number;
  settings: MetricsSettings;
}

export async function metricsRequest(
  pool: Pool,
  query: {
    scope: MetricScope;
    from?: string | undefined;
    to?: string | undefined;
    adoptionDays?: number | undefined;
  },
  now: Date = new Date(),
): Promise<MetricsRequest> {
  const asOf = now.toISOString();
  const to = query.to ?? asOf;
  const from = query.from ?? lastDays(to, DEFAULT_RANGE_DAYS).from;
  const [scope, settings] = await Promise.all([resolveScope(pool, query.scope), readSettings(pool)]);
  return {
    scope,
    range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    asOf,
    adoptionDays: query.adoptionDays ?? settings.adoptionDays,
    settings,
  };
}

export const readDora = (pool: Pool, request: MetricsRequest): Promise<DoraKeys> =>
  doraKeys(pool, request.scope, request.range);

/** Adoption over the last N days up to the range's end (the request time unless `to` was given). */
export const readAdoption = (pool: Pool, request: MetricsRequest): Promise<Adoption> =>
  adoption(pool, request.scope, request.range.to, request.adoptionDays);

/** Before/after split at the scope's launch date (shared/domain/metrics/before-after.ts says how). */
export async function readBeforeAfter(pool: Pool, request: MetricsRequest): Promise<BeforeAfter> {
  const launch = await launchDate(pool, request.scope, request.settings.launchDate);
  const ranges = beforeAfterRanges(request.range, launch);
  const [before, after] = await Promise.all([
    doraKeys(pool, request.scope, ranges.before),
    doraKeys(pool, request.scope, ranges.after),
  ]);
  return {
    launchDate: launch,
    before: { ...before, ...ranges.before },
    after: { ...after, ...ranges.after },
    improvement: doraImprovement(before, after),
  };
}

/** ROI from the uses in the range: uses × hours saved per use × the hourly rate, per capability. */
export async function readRoi(pool: Pool, request: MetricsRequest): Promise<Roi> {
  const usage = await capabilityUsage(pool, request.scope, { ...request.range, throughTo: false });
  const perCapability = Object.fromEntries(
    Object.entries(usage.uses).map(([capability, uses]) => [
      capability,
      { uses, teams: usage.teams[capability as keyof typeof usage.teams] },
    ]),
  );
  return computeRoi(request.settings.roi, perCapability);
}

export async function readLeadTimeHistogram(
  pool: Pool,
  request: MetricsRequest,
): Promise<{ bucket: string; count: number }[]> {
  const bounds = LEAD_TIME_BUCKETS.map(({ below }) => below).filter(Number.isFinite);
  const { rows } = await pool.query<{ bucket: number; n: string }>(
    `SELECT width_bucket(lead_seconds, $5::double precision[]) AS bucket, count(*) AS n
       FROM delivery_facts
      WHERE kind = 'deployment' AND lead_seconds IS NOT NULL AND at >= $1 AND at < $2
        AND ($3::text IS NULL OR team_id = $3) AND ($4::text IS NULL OR service_id = $4)
      GROUP BY 1`,
    [request.range.from, request.range.to, request.scope.teamId, request.scope.serviceId, bounds],
  );
  const histogram = leadTimeHistogram([]);
  for (const row of rows) {
    const entry = histogram[row.bucket];
    if (entry) entry.count = Number(row.n);
  }
  return histogram;
}

export async function readReport(pool: Pool, request: MetricsRequest): Promise<MetricsReport> {
  const [dora, beforeAfter, adoptionRows, weekly, onboardingRows, roi, leadTimes] = await Promise.all([
    readDora(pool, request),
    readBeforeAfter(pool, request),
    readAdoption(pool, request),
    weeklyPoints(pool, request.scope, request.range),
    onboarding(pool, request.scope),
    readRoi(pool, request),
    readLeadTimeHistogram(pool, request),
  ]);
  return {
    scope: request.scope.scope,
    range: request.range,
    asOf: request.asOf,
    dora,
    beforeAfter,
    adoption: adoptionRows,
    weekly,
    onboarding: onboardingRows,
    roi,
    leadTimeHistogram: leadTimes,
  };
}
