/**
 * How the demo organization took up the platform, team by team: the month (after launch) each team
 * started using each capability. A few pilot teams move first, most follow within the year, one
 * team is not on it yet, and the newer capabilities (flags, canaries) reach only some teams, so
 * the adoption bars have both high and low ones to explain.
 */
export interface TeamPlan {
  /** Month the team moved its deploys onto the platform (pipelines, deploys, alerting); null = not yet. */
  ciCd: number | null;
  /** Production deploys per working day once the team is fully on the platform. */
  pace: number;
  dbProvisioning?: number;
  cache?: number;
  queue?: number;
  featureFlags?: number;
  canary?: number;
  /** Month its newest service was created from a template (the team's last service in the catalog). */
  newService?: number;
}

export const TEAM_PLANS: Readonly<Record<string, TeamPlan>> = {
  payments: { ciCd: 0, pace: 0.6, dbProvisioning: 1, queue: 3, featureFlags: 6, canary: 7, newService: 1 },
  identity: { ciCd: 0, pace: 0.5, dbProvisioning: 2, cache: 2, featureFlags: 6, canary: 8, newService: 2 },
  'developer-experience': {
    ciCd: 0,
    pace: 0.45,
    dbProvisioning: 1,
    featureFlags: 5,
    canary: 7,
    newService: 0.3,
  },
  checkout: { ciCd: 1, pace: 0.7, dbProvisioning: 2, cache: 3, featureFlags: 5, canary: 8, newService: 3 },
  search: { ciCd: 2, pace: 0.5, dbProvisioning: 3, cache: 3, featureFlags: 7, canary: 9, newService: 5 },
  growth: { ciCd: 2, pace: 0.6, featureFlags: 5, newService: 4 },
  notifications: { ciCd: 3, pace: 0.4, dbProvisioning: 4, queue: 4, newService: 6 },
  mobile: { ciCd: 4, pace: 0.5, cache: 6, featureFlags: 6, newService: 8 },
  catalog: { ciCd: 4, pace: 0.45, dbProvisioning: 5, cache: 6, featureFlags: 8, newService: 7 },
  pricing: { ciCd: 5, pace: 0.35, dbProvisioning: 6, cache: 7, newService: 9 },
  fulfillment: { ciCd: 6, pace: 0.4, dbProvisioning: 7, queue: 7, newService: 10 },
  'risk-fraud': { ciCd: 7, pace: 0.35, dbProvisioning: 9, newService: 11.4 },
  'support-tools': { ciCd: 8, pace: 0.3 },
  infrastructure: { ciCd: 9, pace: 0.35, dbProvisioning: 10 },
  // Still on its own scheduler and CI: the one team the platform has not won yet.
  'data-platform': { ciCd: null, pace: 0 },
};

/** Provisioned resources and flag changes per month, once a team uses the capability. */
export const MONTHLY_USES = { dbProvisioning: 1, cache: 0.7, queue: 0.5, flags: 1.5 } as const;

/** Share of a canary team's production deploys that go out as canaries. */
export const CANARY_SHARE = 0.6;
