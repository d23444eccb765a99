import { createHash } from 'node:crypto';
import { actsOnEveryTeam, canActOnTeamSql, seesOthersEmails } from '../auth/roles';
import type { Principal } from '../auth/tokens';

/**
 * What of the change log a reader may see (issue 13, finding 5): the REST routes' read rules,
 * applied in the page query so `GET /v1/sync/changes` sends no more than the REST API would
 * (docs/architecture.md, "Sync and push").
 *
 * - Secrets (names and timestamps; values never sync): only for services the reader may act on,
 *   the rule the secrets routes enforce with `assertCanActOnService` — the owner team's
 *   members, and leads and admins (`canActOnTeam`). A secret's id is `serviceId/env/name`, so
 *   tombstones are scoped by the same rule.
 * - People: another user's email only for readers who `seesOthersEmails` (as `GET /v1/users`);
 *   for others the row comes with `email: null`.
 *
 * The scope is fingerprinted into the cursor: when a reader's role or teams change, the next
 * pull answers `409 resync_required`, the desktop clears its synced tables and pulls afresh,
 * so rows it may no longer see are gone and rows it may now see arrive.
 */

/** A short hash of what decides the scope: role and team ids. */
export function scopeFingerprint(principal: Principal): string {
  const teams = actsOnEveryTeam(principal) ? '*' : [...principal.teamIds].sort().join(',');
  return createHash('sha256').update(`${principal.role}|${teams}`).digest('base64url').slice(0, 16);
}

/**
 * A SQL condition over a change-log row aliased `c`: true when `principal` may read it. Parameters
 * are appended through `param`, so the condition composes with the page query's own.
 */
export function visibleChangeSql(principal: Principal, param: (value: unknown) => string): string {
  if (actsOnEveryTeam(principal)) return 'TRUE';
  const ownsService = canActOnTeamSql(principal, 's.owner_team_id', param);
  return `(c.entity <> 'secret' OR EXISTS (
    SELECT 1 FROM services s WHERE s.id = split_part(c.id, '/', 1) AND ${ownsService}))`;
}

/**
 * The stored JSON text of a visible row (alias `c`) as `principal` may read it: other users'
 * emails withheld where the role does not need them. Text, so the page is still spliced, not
 * re-encoded (changes-page-json.ts).
 */
export function changeDataSql(principal: Principal, param: (value: unknown) => string): string {
  if (seesOthersEmails(principal)) return 'c.data::text';
  return `(CASE WHEN c.entity = 'user' AND c.id <> ${param(principal.userId)} AND c.data IS NOT NULL
    THEN jsonb_set(c.data, '{email}', 'null'::jsonb) ELSE c.data END)::text`;
}
