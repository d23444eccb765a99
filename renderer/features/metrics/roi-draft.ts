import type { Capability, MetricsReport, RoiInputs } from '../../../shared/features/metrics/api';
import { computeRoi, type Roi } from '../../../shared/domain/metrics';

/** The ROI form's text fields: what the lead typed, kept as typed until it parses. */
export interface RoiDraft {
  hourlyRateUsd: string;
  hoursSavedPerUse: Record<Capability, string>;
}

export const draftOf = (inputs: RoiInputs): RoiDraft => ({
  hourlyRateUsd: String(inputs.hourlyRateUsd),
  hoursSavedPerUse: Object.fromEntries(
    Object.entries(inputs.hoursSavedPerUse).map(([capability, hours]) => [capability, String(hours)]),
  ) as Record<Capability, string>,
});

const HOURS_MAX = 10_000;
const RATE_MAX = 100_000;

function parseNumber(text: string, max: number, what: string): number | string {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return `${what}: enter a number`;
  if (value < 0 || value > max) return `${what}: between 0 and ${max.toLocaleString('en-US')}`;
  return value;
}

/** A field of the ROI form, as react-hook-form names it. */
export type RoiField = 'hourlyRateUsd' | `hoursSavedPerUse.${Capability}`;

/** Every field of a draft that is wrong, and why, in plain words (for the message under each). */
export function roiProblems(
  draft: RoiDraft,
  base: RoiInputs,
  label: (capability: Capability) => string,
): Partial<Record<RoiField, string>> {
  const problems: Partial<Record<RoiField, string>> = {};
  const rate = parseNumber(draft.hourlyRateUsd, RATE_MAX, 'Hourly rate');
  if (typeof rate === 'string') problems.hourlyRateUsd = rate;
  for (const capability of Object.keys(base.hoursSavedPerUse) as Capability[]) {
    const hours = parseNumber(
      draft.hoursSavedPerUse[capability] ?? '',
      HOURS_MAX,
      `Hours saved per use of ${label(capability)}`,
    );
    if (typeof hours === 'string') problems[`hoursSavedPerUse.${capability}`] = hours;
  }
  return problems;
}

/** The inputs a draft stands for, or the first field that is wrong and why. */
export function parseDraft(
  draft: RoiDraft,
  base: RoiInputs,
  label: (capability: Capability) => string,
): { inputs: RoiInputs } | { error: string } {
  const first = Object.values(roiProblems(draft, base, label))[0];
  if (first) return { error: first };
  const hoursSavedPerUse = { ...base.hoursSavedPerUse };
  for (const capability of Object.keys(base.hoursSavedPerUse) as Capability[]) {
    hoursSavedPerUse[capability] = Number((draft.hoursSavedPerUse[capability] ?? '').trim());
  }
  return { inputs: { ...base, hourlyRateUsd: Number(draft.hourlyRateUsd.trim()), hoursSavedPerUse } };
}

/** Every field of the ROI form for `inputs` (a refusal's `roi.…` reasons land on these). */
export const roiFields = (inputs: RoiInputs): RoiField[] => [
  'hourlyRateUsd',
  ...(Object.keys(inputs.hoursSavedPerUse) as Capability[]).map((c) => `hoursSavedPerUse.${c}` as const),
];

/**
 * The ROI for edited inputs, computed here with the same pure function the platform's answer
 * follows (shared/domain/metrics/roi.ts), so a lead sees the value change as they type, before
 * saving; the uses and teams stay the platform's.
 */
export function previewRoi(report: MetricsReport, inputs: RoiInputs): Roi {
  const usage = Object.fromEntries(
    report.roi.rows.map((row) => [row.capability, { uses: row.uses, teams: row.teams }]),
  );
  return computeRoi(inputs, usage);
}
