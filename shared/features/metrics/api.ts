import { z } from 'zod';
import { text } from '../../api/text';

/**
 * Delivery metrics (issue 10): DORA before and after the platform, adoption per capability,
 * onboarding time and ROI, computed by the platform in SQL for a scope and a range
 * (docs/architecture.md, "Numbers"). The definitions live in shared/domain/metrics.
 */

const Timestamp = z.iso.datetime({ offset: true });
const Id = text().min(1).max(100);

/** Capabilities whose adoption is measured, each derived from what the platform did. */
export const Capability = z.enum([
  'ci_cd',
  'templates',
  'observability',
  'db_provisioning',
  'cache',
  'queue',
  'feature_flags',
  'canary',
]);
export type Capability = z.infer<typeof Capability>;
export const capabilities = Capability.options;

export const MetricScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('org') }),
  z.object({ kind: z.literal('team'), teamId: Id }),
  z.object({ kind: z.literal('service'), serviceId: Id }),
]);
export type MetricScope = z.infer<typeof MetricScope>;

/** `org`, `team:<id>` or `service:<id>`: the scope as it travels in a query string. */
export const ScopeParam = z
  .string()
  .max(120)
  .transform((text, ctx): MetricScope => {
    if (text === 'org') return { kind: 'org' };
    const match = /^(team|service):(.+)$/.exec(text);
    const id = match?.[2];
    if (match && id && id.length <= 100) {
      return match[1] === 'team' ? { kind: 'team', teamId: id } : { kind: 'service', serviceId: id };
    }
    ctx.addIssue({ code: 'custom', message: "scope must be 'org', 'team:<id>' or 'service:<id>'" });
    return z.NEVER;
  });

/** The inverse of `ScopeParam`, for clients building a query. */
export function scopeParam(scope: MetricScope): string {
  if (scope.kind === 'org') return 'org';
  return scope.kind === 'team' ? `team:${scope.teamId}` : `service:${scope.serviceId}`;
}

export const MetricRange = z.object({ from: Timestamp, to: Timestamp });
export type MetricRange = z.infer<typeof MetricRange>;

export const ADOPTION_DAYS_MAX = 365;
const AdoptionDays = z.coerce.number().int().min(1).max(ADOPTION_DAYS_MAX);

/**
 * `?scope=&from=&to=&adoptionDays=` for every metrics read. Missing `from`/`to` mean the last 90
 * days up to now; a missing `adoptionDays` means the one in the settings.
 */
export const MetricsQuery = z
  .object({
    scope: ScopeParam.default({ kind: 'org' }),
    from: Timestamp.optional(),
    to: Timestamp.optional(),
    adoptionDays: AdoptionDays.optional(),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
    message: 'from must be before to',
    path: ['from'],
  });
export type MetricsQuery = z.input<typeof MetricsQuery>;

/** DORA performance band (2023 report); null when there is no data to place. */
export const Band = z.enum(['elite', 'high', 'medium', 'low']).nullable();
export type Band = z.infer<typeof Band>;

const Rate = z.number().min(0).max(1);
const Count = z.number().int().min(0);

export const DoraKeys = z.object({
  deploymentsPerDay: z.number().min(0).nullable(),
  deploymentsPerWeek: z.number().min(0).nullable(),
  deployments: Count,
  frequencyBand: Band,
  leadTimeMedianSeconds: z.number().min(0).nullable(),
  leadTimeBand: Band,
  leadTimeSamples: Count,
  changeFailureRate: Rate.nullable(),
  changeFailureBand: Band,
  failedDeployments: Count,
  recoveryMedianSeconds: z.number().min(0).nullable(),
  recoveryBand: Band,
  recoveries: Count,
  reworkRate: Rate.nullable(),
});
export type DoraKeys = z.infer<typeof DoraKeys>;

export const DoraPeriod = DoraKeys.extend({ from: Timestamp, to: Timestamp });
export type DoraPeriod = z.infer<typeof DoraPeriod>;

/** `percent` = (after − before) / before × 100; `better` in the direction good for that key. */
export const Improvement = z.object({
  before: z.number().nullable(),
  after: z.number().nullable(),
  percent: z.number().nullable(),
  better: z.boolean().nullable(),
});
export type Improvement = z.infer<typeof Improvement>;

export const ImprovementKey = z.enum([
  'deploymentsPerWeek',
  'leadTimeMedianSeconds',
  'changeFailureRate',
  'recoveryMedianSeconds',
]);
export type ImprovementKey = z.infer<typeof ImprovementKey>;

export const BeforeAfter = z.object({
  /** The launch date that splits the periods (org-wide from the settings, a team's first use). */
  launchDate: Timestamp.nullable(),
  before: DoraPeriod,
  after: DoraPeriod,
  improvement: z.record(ImprovementKey, Improvement),
});
export type BeforeAfter = z.infer<typeof BeforeAfter>;

export const AdoptionRow = z.object({
  capability: Capability,
  teamsUsing: Count,
  teams: Count,
  share: Rate,
  uses: Count,
  /** Support requests about this capability in the same last N days. */
  supportRequests: Count,
  /** Mean Likert score of the latest closed survey's items tagged to it, if any. */
  surveyScore: z.number().nullable(),
  /** Share under the low-adoption threshold: a discovery or usability problem to look at. */
  low: z.boolean(),
});
export type AdoptionRow = z.infer<typeof AdoptionRow>;

export const Adoption = z.object({
  days: Count,
  teamsUsingPlatform: Count,
  teams: Count,
  rows: z.array(AdoptionRow),
});
export type Adoption = z.infer<typeof Adoption>;

export const WeeklyPoint = z.object({
  /** Monday of the week (UTC), YYYY-MM-DD. */
  weekStart: z.iso.date(),
  deployments: Count,
  leadTimeMedianSeconds: z.number().min(0).nullable(),
  failures: Count,
  incidents: Count,
});
export type WeeklyPoint = z.infer<typeof WeeklyPoint>;

export const OnboardingQuarter = z.object({
  quarter: text().regex(/^\d{4}-Q[1-4]$/),
  medianSeconds: z.number().min(0).nullable(),
  services: Count,
});
export const OnboardingSample = z.object({
  serviceId: Id,
  createdAt: Timestamp,
  firstHealthyProductionAt: Timestamp,
  seconds: z.number().min(0),
});
export const Onboarding = z.object({
  quarters: z.array(OnboardingQuarter),
  samples: z.array(OnboardingSample),
});
export type Onboarding = z.infer<typeof Onboarding>;

const Hours = z.number().min(0).max(10000);

export const RoiInputs = z.object({
  hourlyRateUsd: z.number().min(0).max(100000),
  hoursSavedPerUse: z.record(Capability, Hours),
  /** Where each default comes from, shown next to the input. */
  sources: z.record(Capability, text().max(300)),
});
export type RoiInputs = z.infer<typeof RoiInputs>;

export const RoiRow = z.object({
  capability: Capability,
  uses: Count,
  teams: Count,
  hoursSavedPerUse: z.number().min(0),
  hours: z.number().min(0),
  valueUsd: z.number().min(0),
});
export type RoiRow = z.infer<typeof RoiRow>;

export const Roi = z.object({
  inputs: RoiInputs,
  rows: z.array(RoiRow),
  totalHours: z.number().min(0),
  totalUsd: z.number().min(0),
});
export type Roi = z.infer<typeof Roi>;

export const LeadTimeBucket = z.object({ bucket: text(), count: Count });

/** Everything the Metrics page shows, in one round trip. */
export const MetricsReport = z.object({
  scope: MetricScope,
  range: MetricRange,
  asOf: Timestamp,
  dora: DoraKeys,
  beforeAfter: BeforeAfter,
  adoption: Adoption,
  weekly: z.array(WeeklyPoint),
  onboarding: Onboarding,
  roi: Roi,
  leadTimeHistogram: z.array(LeadTimeBucket),
});
export type MetricsReport = z.infer<typeof MetricsReport>;

/** What `GET|PUT /v1/metrics/settings` reads and writes (PUT: leads and admins). */
export const MetricsSettings = z.object({
  /** Org-wide platform launch; null = the org's first platform event. */
  launchDate: Timestamp.nullable(),
  adoptionDays: AdoptionDays,
  roi: RoiInputs,
});
export type MetricsSettings = z.infer<typeof MetricsSettings>;

export const ImportKind = z.enum(['deployments', 'incidents']);
export type ImportKind = z.infer<typeof ImportKind>;

const Flag = z
  .enum(['0', '1', 'true', 'false'])
  .default('0')
  .transform((value) => value === '1' || value === 'true');

/** `POST /v1/metrics/imports?kind=&dryRun=&partial=` with a text/csv or application/x-ndjson body. */
export const ImportQuery = z.object({
  kind: ImportKind,
  dryRun: Flag,
  /** Apply the good rows of a file that has refused ones; without it such a file changes nothing. */
  partial: Flag,
});
export type ImportQuery = z.input<typeof ImportQuery>;

export const ImportReport = z.object({
  kind: ImportKind,
  /** Rows new to the platform (written unless a dry run or a refused file). */
  accepted: Count,
  /** Rows already imported (same natural key): re-importing a file changes nothing. */
  duplicates: Count,
  /** Row 1 is the first data row. */
  refused: z.array(z.object({ row: z.number().int().min(1), reason: text() })),
  applied: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;
