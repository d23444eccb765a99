import { z } from 'zod';
import { text } from '../../api/text';
import { Empty } from '../../ipc/contract';
import {
  ImportKind,
  ImportReport,
  MetricScope,
  MetricsReport,
  MetricsSettings,
  ADOPTION_DAYS_MAX,
} from './api';

const Timestamp = z.iso.datetime({ offset: true });

/**
 * The range the page asks for. Presets travel as presets (not as dates) so the desktop keeps one
 * cached answer per preset: "last 90 days" read offline tomorrow is still the last one fetched.
 */
export const MetricsRangeInput = z.discriminatedUnion('preset', [
  z.object({ preset: z.literal('quarter') }),
  z.object({ preset: z.literal('last90') }),
  z
    .object({ preset: z.literal('custom'), from: Timestamp, to: Timestamp })
    .refine((range) => Date.parse(range.from) < Date.parse(range.to), {
      message: 'from must be before to',
      path: ['from'],
    }),
]);
export type MetricsRangeInput = z.infer<typeof MetricsRangeInput>;

export const MetricsGetInput = z.object({
  scope: MetricScope,
  range: MetricsRangeInput,
  /** Null: the adoption window of the settings. */
  adoptionDays: z.number().int().min(1).max(ADOPTION_DAYS_MAX).nullable().default(null),
});
export type MetricsGetInput = z.input<typeof MetricsGetInput>;

/** A report as the page shows it: when the platform computed it, and whether it came from this device. */
export const CachedMetricsReport = z.object({
  report: MetricsReport,
  fetchedAt: Timestamp,
  /** True when the platform was unreachable and this is the last answer kept for the same question. */
  fromCache: z.boolean(),
});
export type CachedMetricsReport = z.infer<typeof CachedMetricsReport>;

export const CachedMetricsSettings = z.object({
  settings: MetricsSettings,
  fetchedAt: Timestamp,
  fromCache: z.boolean(),
});
export type CachedMetricsSettings = z.infer<typeof CachedMetricsSettings>;

/** Files up to 20 MB of text: a few years of deployments of a mid-sized organization. */
export const IMPORT_MAX_CHARS = 20_000_000;

export const MetricsImportInput = z.object({
  kind: ImportKind,
  format: z.enum(['csv', 'ndjson']),
  text: text().min(1, 'the file is empty').max(IMPORT_MAX_CHARS, 'the file is larger than 20 MB'),
  dryRun: z.boolean(),
  /** Apply the good rows of a file that has refused ones (never implied). */
  partial: z.boolean().default(false),
});
export type MetricsImportInput = z.input<typeof MetricsImportInput>;

export const metricsCommands = {
  /** The platform's report when reachable (kept per question), else the last one kept, with its time. */
  'metrics:get': { input: MetricsGetInput, output: CachedMetricsReport },
  /** The org's metrics settings (launch date, adoption window, ROI inputs); cached for offline reading. */
  'metrics:settings:get': { input: Empty, output: CachedMetricsSettings },
  /** Online only, leads and admins (the platform checks): the settings change everyone's numbers. */
  'metrics:settings:set': { input: MetricsSettings, output: MetricsSettings },
  /** Online only: dry run or apply an import of past deployments or incidents. */
  'metrics:import': { input: MetricsImportInput, output: ImportReport },
} as const;
