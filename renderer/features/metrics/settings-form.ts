import { z } from 'zod';
import { ADOPTION_DAYS_MAX, type MetricsSettings } from '../../../shared/features/metrics/api';

/**
 * The metrics settings form as typed: the launch day (empty = the first platform event) and the
 * adoption window, checked with the API's own MetricsSettings rules before anything is sent.
 */
export const MetricsSettingsDraft = z.object({
  launchDay: z.union([z.literal(''), z.iso.date()], { error: 'must be a date (YYYY-MM-DD)' }),
  // The API's rule (it also accepts the number as text, which a form never sends).
  adoptionDays: z.number().int().min(1).max(ADOPTION_DAYS_MAX),
});
export type MetricsSettingsDraft = z.infer<typeof MetricsSettingsDraft>;

export const SETTINGS_LABEL: Record<keyof MetricsSettingsDraft, string> = {
  launchDay: 'Platform launch date',
  adoptionDays: 'Adoption window (days)',
};

export const settingsDraftOf = (settings: MetricsSettings): MetricsSettingsDraft => ({
  launchDay: settings.launchDate?.slice(0, 10) ?? '',
  adoptionDays: settings.adoptionDays,
});

/** The settings a checked draft stands for; the ROI inputs stay as they are. */
export const settingsOf = (settings: MetricsSettings, draft: MetricsSettingsDraft): MetricsSettings => ({
  ...settings,
  launchDate: draft.launchDay === '' ? null : new Date(`${draft.launchDay}T00:00:00Z`).toISOString(),
  adoptionDays: draft.adoptionDays,
});

// The command's field names → the form's.
const FIELD_OF_PATH: Readonly<Record<string, keyof MetricsSettingsDraft>> = {
  launchDate: 'launchDay',
  adoptionDays: 'adoptionDays',
};

/** A refused `metrics:settings:set` reason placed on its field, or null for the form message. */
export const settingsFieldOf = (path: string): keyof MetricsSettingsDraft | null =>
  FIELD_OF_PATH[path.split('.')[0] ?? ''] ?? null;
