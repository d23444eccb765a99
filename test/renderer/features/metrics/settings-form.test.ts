import { describe, expect, it } from 'vitest';
import { installPlainErrors } from '../../../../shared/api/plain-errors';
import { DEFAULT_ROI_INPUTS } from '../../../../shared/domain/metrics';
import { MetricsSettings } from '../../../../shared/features/metrics/api';
import {
  MetricsSettingsDraft,
  settingsDraftOf,
  settingsFieldOf,
  settingsOf,
} from '../../../../renderer/features/metrics/settings-form';

installPlainErrors();

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe('the metrics settings form', () => {
  const settings = MetricsSettings.parse({ launchDate: null, adoptionDays: 90, roi: DEFAULT_ROI_INPUTS });
  it('refuses a window the API would refuse, in plain words', () => {
    expect(messages(MetricsSettingsDraft.safeParse({ launchDay: '', adoptionDays: 0 }))).toEqual({
      adoptionDays: 'must be at least 1',
    });
    expect(messages(MetricsSettingsDraft.safeParse({ launchDay: '', adoptionDays: Number.NaN }))).toEqual({
      adoptionDays: 'must be a number',
    });
  });
  it('turns an empty launch day into "the first platform event" and keeps the ROI inputs', () => {
    expect(settingsDraftOf(settings)).toEqual({ launchDay: '', adoptionDays: 90 });
    const next = settingsOf(settings, { launchDay: '2024-06-01', adoptionDays: 30 });
    expect(next).toEqual({ ...settings, launchDate: '2024-06-01T00:00:00.000Z', adoptionDays: 30 });
    expect(MetricsSettings.safeParse(next).success).toBe(true);
    expect(settingsFieldOf('launchDate')).toBe('launchDay');
    expect(settingsFieldOf('roi.hourlyRateUsd')).toBeNull();
  });
});
