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

/** The inputs a draft stands for, or the first field that is wrong and why. */
export function parseDraft(
  draft: RoiDraft,
  base: RoiInputs,
  label: (capability: Capability) => string,
): { inputs: RoiInputs } | { error: string } {
  const rate = parseNumber(draft.hourlyRateUsd, RATE_MAX, 'Hourly rate');
  if (typeof rate === 'string') return { error: rate };
  const hoursSavedPerUse = { ...base.hoursSavedPerUse };
  for (const capability of Object.keys(base.hoursSavedPerUse) as Capability[]) {
    const hours = parseNumber(
      draft.hoursSavedPerUse[capability] ?? '',
      HOURS_MAX,
      `Hours saved per use of ${label(capability)}`,
    );
    if (typeof hours === 'string') return { error: hours };
    hoursSavedPerUse[capability] = hours;
  }
  return { inputs: { ...base, hourlyRateUsd: rate, hoursSavedPerUse } };
}

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
