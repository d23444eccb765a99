import { CAPABILITIES, type Capability } from './capabilities';

/**
 * Platform ROI (issue 10): per capability, hours = uses in the range × hours saved per use, value =
 * hours × hourly rate; the total is their sum. Every input is shown next to the figure and editable
 * by leads. The defaults are Pave's own rough guesses, and say so — no published study measures
 * "hours saved per pipeline run", so none is cited; a lead replaces them with the team's numbers.
 */
export interface RoiInputs {
  hourlyRateUsd: number;
  hoursSavedPerUse: Record<Capability, number>;
  /** Where each default comes from, shown next to the input. */
  sources: Record<Capability, string>;
}

export interface RoiUsage {
  uses: number;
  teams: number;
}

export interface RoiRow {
  capability: Capability;
  uses: number;
  teams: number;
  hoursSavedPerUse: number;
  hours: number;
  valueUsd: number;
}

export interface Roi {
  inputs: RoiInputs;
  rows: RoiRow[];
  totalHours: number;
  totalUsd: number;
}

const guess = (what: string) => `Pave default (${what}); edit to your numbers`;

/** A loaded engineer-hour; Pave's round default. */
export const DEFAULT_HOURLY_RATE_USD = 100;

export const DEFAULT_ROI_INPUTS: RoiInputs = {
  hourlyRateUsd: DEFAULT_HOURLY_RATE_USD,
  hoursSavedPerUse: {
    ci_cd: 0.5,
    templates: 16,
    observability: 1,
    db_provisioning: 4,
    cache: 2,
    queue: 2,
    feature_flags: 0.25,
    canary: 0.5,
  },
  sources: {
    ci_cd: guess('a build, test and deploy by hand taken as 30 min of an engineer per pipeline run'),
    templates: guess('a repository, pipeline and infrastructure set up by hand taken as 2 working days'),
    observability: guess(
      'an alert rule or an alerted incident taken as 1 h of dashboards and log digging saved',
    ),
    db_provisioning: guess('a database by ticket and by hand taken as half a day'),
    cache: guess('a cache by ticket and by hand taken as 2 h'),
    queue: guess('a queue by ticket and by hand taken as 2 h'),
    feature_flags: guess('a flag change taken as 15 min saved against a redeploy'),
    canary: guess('a canary taken as 30 min of watching a release by hand'),
  },
};

function nonNegative(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${what} must be a number ≥ 0, got ${value}`);
  return value;
}

export function computeRoi(inputs: RoiInputs, usage: Partial<Record<Capability, RoiUsage>>): Roi {
  const rate = nonNegative(inputs.hourlyRateUsd, 'the hourly rate');
  const rows = CAPABILITIES.map((capability): RoiRow => {
    const hoursSavedPerUse = nonNegative(
      inputs.hoursSavedPerUse[capability],
      `hours saved per ${capability} use`,
    );
    const uses = usage[capability]?.uses ?? 0;
    const hours = uses * hoursSavedPerUse;
    return {
      capability,
      uses,
      teams: usage[capability]?.teams ?? 0,
      hoursSavedPerUse,
      hours,
      valueUsd: hours * rate,
    };
  });
  const totalHours = rows.reduce((sum, row) => sum + row.hours, 0);
  return { inputs, rows, totalHours, totalUsd: totalHours * rate };
}
