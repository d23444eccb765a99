import type { Pool } from 'pg';
import { CAPABILITIES, DAY_MS, LOW_ADOPTION_SHARE, type Capability } from '../../../shared/domain/metrics';
import type { Adoption } from '../../../shared/features/metrics/api';
import { capabilityNamed } from './capability-names';
import { capabilityUsage } from './capability-uses';
import type { ResolvedScope } from './scope';

/**
 * Adoption per capability over the `days` days up to `asOf` (both ends included, as
 * shared/domain/metrics/adoption.ts defines it), each row next to that capability's support load in
 * the same window and its score in the latest closed survey.
 */
export async function adoption(
  pool: Pool,
  scope: ResolvedScope,
  asOf: string,
  days: number,
): Promise<Adoption> {
  const from = new Date(Date.parse(asOf) - days * DAY_MS).toISOString();
  const [usage, support, scores] = await Promise.all([
    capabilityUsage(pool, scope, { from, to: asOf, throughTo: true }),
    supportRequests(pool, scope, from, asOf),
    surveyScores(pool),
  ]);
  const teams = scope.teamIds.length;
  const rows = CAPABILITIES.map((capability) => {
    const teamsUsing = usage.teams[capability];
    const share = teams > 0 ? teamsUsing / teams : 0;
    return {
      capability,
      teamsUsing,
      teams,
      share,
      uses: usage.uses[capability],
      supportRequests: support.get(capability) ?? 0,
      surveyScore: scores.get(capability) ?? null,
      low: teams > 0 && share < LOW_ADOPTION_SHARE,
    };
  });
  return { days, teamsUsingPlatform: usage.teamsUsingPlatform, teams, rows };
}

/** Support requests filed in the window by the scope's teams, by the capability they name. */
async function supportRequests(
  pool: Pool,
  scope: ResolvedScope,
  from: string,
  to: string,
): Promise<Map<Capability, number>> {
  const { rows } = await pool.query<{ capability: string; n: string }>(
    `SELECT capability, count(*) AS n FROM support_requests
      WHERE created_at >= $1 AND created_at <= $2 AND ($3::text[] IS NULL OR team_id = ANY ($3))
      GROUP BY capability`,
    [from, to, scope.scope.kind === 'org' ? null : scope.teamIds],
  );
  const counts = new Map<Capability, number>();
  for (const row of rows) {
    const capability = capabilityNamed(row.capability);
    if (capability) counts.set(capability, (counts.get(capability) ?? 0) + Number(row.n));
  }
  return counts;
}

/**
 * Mean Likert score (1–5) of the latest closed survey's items tagged to each capability, over all
 * its respondents: an org-wide figure, never a breakdown, so the anonymity rule is not at stake.
 */
async function surveyScores(pool: Pool): Promise<Map<Capability, number>> {
  const { rows } = await pool.query<{ capability: string; mean: number }>(
    `WITH latest AS (
       SELECT id, questions FROM surveys
        WHERE status = 'published' AND closes_at <= now()
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(questions) q
                       WHERE q->>'type' = 'likert' AND q->>'capability' IS NOT NULL)
        ORDER BY closes_at DESC LIMIT 1
     )
     SELECT q->>'capability' AS capability,
            (sum(t.value::numeric * t.n) / sum(t.n))::double precision AS mean
       FROM latest CROSS JOIN LATERAL jsonb_array_elements(latest.questions) q
       JOIN survey_tallies t ON t.survey_id = latest.id AND t.question_id = q->>'id'
      WHERE q->>'type' = 'likert' AND q->>'capability' IS NOT NULL AND t.value ~ '^[1-5]$'
      GROUP BY q->>'capability'`,
  );
  const scores = new Map<Capability, number>();
  for (const row of rows) {
    const capability = capabilityNamed(row.capability);
    if (capability && !scores.has(capability)) scores.set(capability, row.mean);
  }
  return scores;
}
