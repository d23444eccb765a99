import { CAPABILITIES, type Capability } from './capabilities';
import { DAY_MS, toMs } from './time';

/**
 * Adoption (issue 10): a team uses a capability when one of its services had a use of it (see
 * capabilities.ts) in the last N days — the window [asOf − N days, asOf], both ends included; share =
 * teams using it ÷ teams; "teams using the platform" = teams using at least one capability. A
 * capability under LOW_ADOPTION_SHARE is called out next to its support load and survey score: low
 * adoption with many support requests reads as a usability problem, with few as a discovery one.
 */

/** Below this share of teams a capability's adoption is "low". */
export const LOW_ADOPTION_SHARE = 0.5;
export const DEFAULT_ADOPTION_DAYS = 30;

export interface CapabilityUse {
  /** The owning team when it happened; uses without a team, or of a team not counted, are ignored. */
  teamId: string | null;
  capability: Capability;
  at: string;
}

export interface AdoptionInput {
  /** The teams counted (the org's, or the one team of a team scope). */
  teams: readonly string[];
  uses: readonly CapabilityUse[];
  asOf: string;
  days: number;
  /** Support requests about each capability in the same window. */
  supportRequests?: Partial<Record<Capability, number>>;
  /** Mean score of the latest closed survey's questions tagged to each capability, where such a link exists. */
  surveyScores?: Partial<Record<Capability, number | null>>;
  lowShare?: number;
}

export interface AdoptionRow {
  capability: Capability;
  teamsUsing: number;
  teams: number;
  share: number;
  uses: number;
  supportRequests: number;
  surveyScore: number | null;
  low: boolean;
}

export interface Adoption {
  days: number;
  teamsUsingPlatform: number;
  teams: number;
  rows: AdoptionRow[];
}

export function computeAdoption(input: AdoptionInput): Adoption {
  if (!Number.isFinite(input.days) || input.days <= 0) {
    throw new RangeError(`adoption looks back a positive number of days, got ${input.days}`);
  }
  const to = toMs(input.asOf);
  const from = to - input.days * DAY_MS;
  const teams = new Set(input.teams);
  const teamsByCapability = new Map<Capability, Set<string>>(CAPABILITIES.map((c) => [c, new Set()]));
  const uses = new Map<Capability, number>(CAPABILITIES.map((c) => [c, 0]));
  const platformTeams = new Set<string>();
  for (const use of input.uses) {
    if (use.teamId === null || !teams.has(use.teamId)) continue;
    const at = toMs(use.at);
    if (at < from || at > to) continue;
    teamsByCapability.get(use.capability)?.add(use.teamId);
    uses.set(use.capability, (uses.get(use.capability) ?? 0) + 1);
    platformTeams.add(use.teamId);
  }
  const lowShare = input.lowShare ?? LOW_ADOPTION_SHARE;
  const rows = CAPABILITIES.map((capability): AdoptionRow => {
    const teamsUsing = teamsByCapability.get(capability)?.size ?? 0;
    const share = teams.size > 0 ? teamsUsing / teams.size : 0;
    return {
      capability,
      teamsUsing,
      teams: teams.size,
      share,
      uses: uses.get(capability) ?? 0,
      supportRequests: input.supportRequests?.[capability] ?? 0,
      surveyScore: input.surveyScores?.[capability] ?? null,
      // With no team to count there is nothing to call out.
      low: teams.size > 0 && share < lowShare,
    };
  });
  return { days: input.days, teamsUsingPlatform: platformTeams.size, teams: teams.size, rows };
}
