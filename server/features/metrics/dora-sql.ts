import type { Pool } from 'pg';
import { withTransaction, type Tx } from '../../db/transaction';
import {
  changeFailureBand,
  DAY_MS,
  frequencyBand,
  leadTimeBand,
  rangeMs,
  recoveryBand,
  type MetricRange,
} from '../../../shared/domain/metrics';
import type { DoraKeys } from '../../../shared/features/metrics/api';
import { splitByDays } from './day-split';
import type { ResolvedScope } from './scope';

type Counts = Omit<DoraCounts, 'leadMedian' | 'recoveryMedian'>;

/**
 * The scope as SQL over $3 (team) and $4 (service), written out only when it filters: a condition
 * on a column the narrow median indexes lack would force a read of every row.
 */
function scopeSql(scope: ResolvedScope): string {
  if (scope.serviceId) return 'AND service_id = $4::text AND $3::text IS NULL';
  if (scope.teamId) return 'AND team_id = $3::text AND $4::text IS NULL';
  return 'AND $3::text IS NULL AND $4::text IS NULL';
}

/**
 * DORA's keys over the classified facts (see migrations/040_metrics.sql). Counts come from the
 * daily counters for the range's whole days and from the facts for its partial ends (a service
 * scope reads its own facts); each median is read by walking a value-ordered index to the middle
 * row, so nothing sorts the range. The arithmetic after the SQL — rates, bands — is
 * shared/domain/metrics', so a key means the same thing here and on the desktop.
 */
export async function doraKeys(pool: Pool, scope: ResolvedScope, range: MetricRange): Promise<DoraKeys> {
  // One snapshot: the middle offset comes from the counts, so both must see the same rows.
  return withTransaction(
    pool,
    async (tx) => {
      const counts = await doraCounts(tx, scope, range);
      const leadMedian = await middle(tx, counts.leadSamples, LEAD_VALUES, scope, range);
      const recoveryMedian = await middle(tx, counts.recoveries, RECOVERY_VALUES, scope, range);
      return doraFromCounts({ ...counts, leadMedian, recoveryMedian }, range);
    },
    'REPEATABLE READ',
  );
}

async function doraCounts(db: Tx, scope: ResolvedScope, range: MetricRange): Promise<Counts> {
  const split = scope.serviceId ? { days: null, edges: [range] } : splitByDays(range);
  // One connection runs one query at a time: in turn.
  const parts: Counts[] = [];
  if (split.days) parts.push(await dailyCounts(db, scope, split.days));
  for (const edge of split.edges) parts.push(await factCounts(db, scope, edge));
  const total: Counts = {
    deployments: 0,
    rollbacks: 0,
    failed: 0,
    reworked: 0,
    leadSamples: 0,
    recoveries: 0,
  };
  for (const part of parts) {
    for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += part[key];
  }
  return total;
}

interface CountRow {
  deployments: string | null;
  rollbacks: string | null;
  failed: string | null;
  reworked: string | null;
  lead_samples: string | null;
  recoveries: string | null;
}
const toCounts = (row: CountRow | undefined): Counts => ({
  deployments: Number(row?.deployments ?? 0),
  rollbacks: Number(row?.rollbacks ?? 0),
  failed: Number(row?.failed ?? 0),
  reworked: Number(row?.reworked ?? 0),
  leadSamples: Number(row?.lead_samples ?? 0),
  recoveries: Number(row?.recoveries ?? 0),
});

async function dailyCounts(
  db: Tx,
  scope: ResolvedScope,
  days: { from: string; to: string },
): Promise<Counts> {
  const { rows } = await db.query<CountRow>(
    `SELECT sum(deployments) AS deployments, sum(rollbacks) AS rollbacks, sum(change_failures) AS failed,
            sum(reworked) AS reworked, sum(lead_samples) AS lead_samples, sum(recoveries) AS recoveries
       FROM delivery_daily
      WHERE day >= $1::date AND day < $2::date AND ($3::text IS NULL OR team_id = $3)`,
    [days.from, days.to, scope.teamId],
  );
  return toCounts(rows[0]);
}

async function factCounts(db: Tx, scope: ResolvedScope, range: MetricRange): Promise<Counts> {
  const { rows } = await db.query<CountRow>(
    `SELECT d.*, i.recoveries + d.failed_recoveries AS recoveries
       FROM (SELECT count(*) FILTER (WHERE kind = 'deployment') AS deployments,
                    count(*) FILTER (WHERE kind = 'rollback') AS rollbacks,
                    count(*) FILTER (WHERE kind = 'deployment' AND change_failure) AS failed,
                    count(*) FILTER (WHERE kind = 'deployment' AND rework) AS reworked,
                    count(lead_seconds) AS lead_samples, count(recovery_seconds) AS failed_recoveries
               FROM delivery_facts WHERE at >= $1 AND at < $2 ${scopeSql(scope)}) d,
            (SELECT count(recovery_seconds) AS recoveries
               FROM incident_facts WHERE opened_at >= $1 AND opened_at < $2 ${scopeSql(scope)}) i`,
    [range.from, range.to, scope.teamId, scope.serviceId],
  );
  return toCounts(rows[0]);
}

const LEAD_VALUES = (scope: string) => `SELECT lead_seconds AS value FROM delivery_facts
   WHERE lead_seconds IS NOT NULL AND at >= $1 AND at < $2 ${scope}`;
const RECOVERY_VALUES = (scope: string) => `SELECT recovery_seconds AS value FROM delivery_facts
   WHERE recovery_seconds IS NOT NULL AND at >= $1 AND at < $2 ${scope}
   UNION ALL
   SELECT recovery_seconds FROM incident_facts
   WHERE recovery_seconds IS NOT NULL AND opened_at >= $1 AND opened_at < $2 ${scope}`;

/**
 * The median of `count` values (shared/domain/metrics/median.ts: the middle one, or the mean of
 * the two middle ones), read as the rows at the middle offset of the values in order.
 */
async function middle(
  db: Tx,
  count: number,
  values: (scope: string) => string,
  scope: ResolvedScope,
  range: MetricRange,
): Promise<number | null> {
  if (count === 0) return null;
  const odd = count % 2 === 1;
  const { rows } = await db.query<{ value: number }>(
    `SELECT value FROM (${values(scopeSql(scope))}) v ORDER BY value OFFSET $5 LIMIT $6`,
    [range.from, range.to, scope.teamId, scope.serviceId, (count - 1) >> 1, odd ? 1 : 2],
  );
  const [low, high] = rows.map((row) => row.value);
  if (low === undefined) return null;
  return odd || high === undefined ? low : (low + high) / 2;
}

export interface DoraCounts {
  deployments: number;
  rollbacks: number;
  failed: number;
  reworked: number;
  leadMedian: number | null;
  leadSamples: number;
  recoveryMedian: number | null;
  recoveries: number;
}

/** The keys from the aggregates, as shared/domain/metrics defines each (frequency.ts, rework.ts, …). */
export function doraFromCounts(counts: DoraCounts, range: MetricRange): DoraKeys {
  const span = rangeMs(range);
  const days = (span.to - span.from) / DAY_MS;
  const perDay = counts.deployments > 0 && days > 0 ? counts.deployments / days : null;
  const changeFailureRate = counts.deployments > 0 ? counts.failed / counts.deployments : null;
  const wentLive = counts.deployments + counts.rollbacks;
  return {
    deploymentsPerDay: perDay,
    deploymentsPerWeek: perDay === null ? null : perDay * 7,
    deployments: counts.deployments,
    frequencyBand: frequencyBand(perDay),
    leadTimeMedianSeconds: counts.leadMedian,
    leadTimeBand: leadTimeBand(counts.leadMedian),
    leadTimeSamples: counts.leadSamples,
    changeFailureRate,
    changeFailureBand: changeFailureBand(changeFailureRate),
    failedDeployments: counts.failed,
    recoveryMedianSeconds: counts.recoveryMedian,
    recoveryBand: recoveryBand(counts.recoveryMedian),
    recoveries: counts.recoveries,
    reworkRate: wentLive > 0 ? (counts.reworked + counts.rollbacks) / wentLive : null,
  };
}
