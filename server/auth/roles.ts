import type { Principal } from './tokens';
import { forbidden } from '../http/api-error';

/** Leads and admins act on (and read what belongs to) every team. */
export const actsOnEveryTeam = (principal: Principal): boolean =>
  principal.role === 'lead' || principal.role === 'admin';

/** Leads and admins act on any team; engineers on the teams they belong to (docs/architecture.md, "Core"). */
export function canActOnTeam(principal: Principal, teamId: string): boolean {
  if (actsOnEveryTeam(principal)) return true;
  return principal.teamIds.includes(teamId);
}

/**
 * `canActOnTeam` as a SQL condition on `teamIdSql` (a column or expression), for reads that
 * filter in the database (the change feed). `param` adds a query parameter and answers its `$n`.
 */
export function canActOnTeamSql(
  principal: Principal,
  teamIdSql: string,
  param: (value: unknown) => string,
): string {
  if (actsOnEveryTeam(principal)) return 'TRUE';
  return `(${teamIdSql}) = ANY(${param(principal.teamIds)}::text[])`;
}

/** Throws 403 (a `forbidden` rejection inside a push) unless `canActOnTeam`. */
export function assertCanActOnTeam(principal: Principal, teamId: string, what: string): void {
  if (!canActOnTeam(principal, teamId)) {
    throw forbidden(`only members of the owning team (or leads and admins) may ${what}`);
  }
}

/**
 * Other people's email addresses are for the roles that manage people (leads and admins);
 * engineers see their own only. Applied by `GET /v1/users` and the change feed alike.
 */
export const seesOthersEmails = (principal: Principal): boolean => actsOnEveryTeam(principal);

/** A user as `principal` may read it: another person's email withheld unless `seesOthersEmails`. */
export function userForReader<U extends { id: string; email: string | null }>(
  principal: Principal,
  user: U,
): U {
  return seesOthersEmails(principal) || user.id === principal.userId ? user : { ...user, email: null };
}
