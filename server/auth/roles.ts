import type { Principal } from './tokens';
import { forbidden } from '../http/api-error';

/** Leads and admins act on any team; engineers on the teams they belong to (docs/architecture.md, "Core"). */
export function canActOnTeam(principal: Principal, teamId: string): boolean {
  if (principal.role === 'lead' || principal.role === 'admin') return true;
  return principal.teamIds.includes(teamId);
}

/** Throws 403 (a `forbidden` rejection inside a push) unless `canActOnTeam`. */
export function assertCanActOnTeam(principal: Principal, teamId: string, what: string): void {
  if (!canActOnTeam(principal, teamId)) {
    throw forbidden(`only members of the owning team (or leads and admins) may ${what}`);
  }
}
