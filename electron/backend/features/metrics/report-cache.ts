import type { Database } from 'better-sqlite3';
import { MetricsReport, MetricsSettings } from '../../../../shared/features/metrics/api';
import type { MetricsGetInput } from '../../../../shared/features/metrics/ipc';
import { prepared } from '../../cache/prepared';

/** The row the settings are kept under: no report key starts with it. */
const SETTINGS_KEY = 'settings';

/**
 * One key per question the page can ask: the scope, the range as asked (a preset stays a preset)
 * and the adoption window. Field order is fixed here, so equal questions give equal keys.
 */
export function reportKey(query: Required<MetricsGetInput>): string {
  const { scope, range, adoptionDays } = query;
  const scopePart =
    scope.kind === 'org'
      ? 'org'
      : scope.kind === 'team'
        ? `team:${scope.teamId}`
        : `service:${scope.serviceId}`;
  const rangePart = range.preset === 'custom' ? `custom:${range.from}..${range.to}` : range.preset;
  return `report|${scopePart}|${rangePart}|${adoptionDays ?? 'default'}`;
}

interface Kept<T> {
  value: T;
  fetchedAt: string;
}

function store(db: Database, key: string, fetchedAt: string, value: unknown): void {
  prepared(
    db,
    `INSERT INTO metrics_reports (key, fetched_at, data) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET fetched_at = excluded.fetched_at, data = excluded.data`,
  ).run(key, fetchedAt, JSON.stringify(value));
}

function read(db: Database, key: string): { fetched_at: string; data: string } | undefined {
  return prepared(db, 'SELECT fetched_at, data FROM metrics_reports WHERE key = ?').get(key) as
    { fetched_at: string; data: string } | undefined;
}

export const storeReport = (db: Database, key: string, fetchedAt: string, report: MetricsReport) =>
  store(db, key, fetchedAt, report);

/** The last report kept for the question; parsed again, as the cache is only as trusted as its reader. */
export function cachedReport(db: Database, key: string): Kept<MetricsReport> | undefined {
  const row = read(db, key);
  if (!row) return undefined;
  const parsed = MetricsReport.safeParse(JSON.parse(row.data));
  // A report kept by an older Pave whose shape changed is as good as none.
  return parsed.success ? { value: parsed.data, fetchedAt: row.fetched_at } : undefined;
}

export const storeSettings = (db: Database, fetchedAt: string, settings: MetricsSettings) =>
  store(db, SETTINGS_KEY, fetchedAt, settings);

export function cachedSettings(db: Database): Kept<MetricsSettings> | undefined {
  const row = read(db, SETTINGS_KEY);
  if (!row) return undefined;
  const parsed = MetricsSettings.safeParse(JSON.parse(row.data));
  return parsed.success ? { value: parsed.data, fetchedAt: row.fetched_at } : undefined;
}
