import type { Pool } from 'pg';
import { DEFAULT_ADOPTION_DAYS, DEFAULT_ROI_INPUTS } from '../../../shared/domain/metrics';
import { RoiInputs, type MetricsSettings } from '../../../shared/features/metrics/api';
import type { Principal } from '../../auth/tokens';
import { writeAudit } from '../../audit/audit-log';
import type { Tx } from '../../db/transaction';

interface SettingsRow {
  launch_date: Date | null;
  adoption_days: number | null;
  roi: unknown;
}

/**
 * The org's metrics settings: launch date, adoption window, ROI inputs. A stored ROI that no
 * longer parses (a capability added since) falls back to Pave's defaults rather than failing
 * every metrics read.
 */
export async function readSettings(pool: Pool | Tx): Promise<MetricsSettings> {
  const { rows } = await pool.query<SettingsRow>(
    'SELECT launch_date, adoption_days, roi FROM metrics_settings WHERE id',
  );
  const row = rows[0];
  const roi = RoiInputs.safeParse(row?.roi);
  return {
    launchDate: row?.launch_date?.toISOString() ?? null,
    adoptionDays: row?.adoption_days ?? DEFAULT_ADOPTION_DAYS,
    roi: roi.success ? roi.data : DEFAULT_ROI_INPUTS,
  };
}

export async function writeSettings(
  tx: Tx,
  principal: Principal,
  settings: MetricsSettings,
): Promise<MetricsSettings> {
  await tx.query(
    `INSERT INTO metrics_settings (id, launch_date, adoption_days, roi, updated_by, updated_at)
     VALUES (true, $1, $2, $3, $4, now())
     ON CONFLICT (id) DO UPDATE SET launch_date = $1, adoption_days = $2, roi = $3,
       updated_by = $4, updated_at = now()`,
    [settings.launchDate, settings.adoptionDays, JSON.stringify(settings.roi), principal.userId],
  );
  await writeAudit(tx, principal.userId, 'metrics.settings.update', 'metrics_settings', 'org', {
    launchDate: settings.launchDate,
    adoptionDays: settings.adoptionDays,
    hourlyRateUsd: settings.roi.hourlyRateUsd,
    hoursSavedPerUse: settings.roi.hoursSavedPerUse,
  });
  return readSettings(tx);
}
