import type { z } from 'zod';
import {
  ImportReport,
  MetricsReport,
  MetricsSettings,
  scopeParam,
} from '../../../../shared/features/metrics/api';
import type { metricsCommands } from '../../../../shared/features/metrics/ipc';
import type { BackendContext, CommandOf, FeatureHandlers } from '../../composition/backend-feature';
import { IpcError } from '../../ipc/ipc-error';
import { isPlatformError } from '../../platform/platform-error';
import { cachedReport, cachedSettings, reportKey, storeReport, storeSettings } from './report-cache';
import { resolveRange } from './resolve-range';

/** The platform takes the file as it is, typed by its format (server/features/metrics/routes.ts). */
const IMPORT_CONTENT_TYPES = { csv: 'text/csv', ndjson: 'application/x-ndjson' } as const;

/** A write answer is parsed like every platform answer; a wrong shape says where, not a stack trace. */
function parseAnswer<S extends z.ZodType>(schema: S, path: string, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new IpcError(
    'invalid_response',
    `${path}: unexpected response at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'schema mismatch'}`,
  );
}

type MetricsHandlers = FeatureHandlers<CommandOf<typeof metricsCommands>>;

const isUnreachable = (error: unknown) => isPlatformError(error) && error.code === 'platform_unreachable';

const neverFetched = (what: string) =>
  new IpcError(
    'offline',
    `${what} need the platform once; it is not reachable now. After that, Pave shows the last answer kept on this device.`,
  );

const onlineOnly = (what: string) =>
  new IpcError(
    'offline',
    `${what} needs the platform, which is not reachable now. Nothing was changed; try again once connected.`,
  );

/**
 * Metrics are computed by the platform in SQL (docs/architecture.md, "Numbers"); the desktop asks
 * for them when reachable and keeps the last answer per question, so the page reads offline and
 * says as of when. Settings and imports are online only: they change everyone's numbers, so the
 * lead sees the platform's verdict (role check, refused rows) at once instead of a queued change
 * replayed later over someone else's edit.
 */
export function createMetricsHandlers(ctx: BackendContext): MetricsHandlers {
  const { db } = ctx;
  const handlers: MetricsHandlers['handlers'] = {
    async 'metrics:get'(query) {
      const key = reportKey(query);
      const client = ctx.platform.client();
      if (client) {
        const range = resolveRange(query.range, ctx.now());
        const params = new URLSearchParams({
          scope: scopeParam(query.scope),
          from: range.from,
          to: range.to,
        });
        if (query.adoptionDays !== null) params.set('adoptionDays', String(query.adoptionDays));
        try {
          const report = await client.get(`/v1/metrics?${params.toString()}`, MetricsReport);
          const fetchedAt = ctx.now().toISOString();
          storeReport(db, key, fetchedAt, report);
          return { report, fetchedAt, fromCache: false };
        } catch (error) {
          if (!isUnreachable(error)) throw error;
        }
      }
      const kept = cachedReport(db, key);
      if (!kept) throw neverFetched('Metrics for this scope and range');
      return { report: kept.value, fetchedAt: kept.fetchedAt, fromCache: true };
    },

    async 'metrics:settings:get'() {
      const client = ctx.platform.client();
      if (client) {
        try {
          const settings = await client.get('/v1/metrics/settings', MetricsSettings);
          const fetchedAt = ctx.now().toISOString();
          storeSettings(db, fetchedAt, settings);
          return { settings, fetchedAt, fromCache: false };
        } catch (error) {
          if (!isUnreachable(error)) throw error;
        }
      }
      const kept = cachedSettings(db);
      if (!kept) throw neverFetched('The metrics settings');
      return { settings: kept.value, fetchedAt: kept.fetchedAt, fromCache: true };
    },

    async 'metrics:settings:set'(settings) {
      const client = ctx.platform.client();
      if (!client) throw onlineOnly('Saving the metrics settings');
      let saved: MetricsSettings;
      try {
        saved = parseAnswer(
          MetricsSettings,
          '/v1/metrics/settings',
          await client.write('PUT', '/v1/metrics/settings', settings),
        );
      } catch (error) {
        if (isUnreachable(error)) throw onlineOnly('Saving the metrics settings');
        throw error;
      }
      storeSettings(db, ctx.now().toISOString(), saved);
      // Every kept report was computed with the old inputs: the pages reading them ask again.
      ctx.tablesChanged(['metrics_reports']);
      return saved;
    },

    async 'metrics:import'({ kind, format, text, dryRun, partial }) {
      const client = ctx.platform.client();
      if (!client) throw onlineOnly('Importing history');
      const params = new URLSearchParams({ kind, dryRun: dryRun ? '1' : '0', partial: partial ? '1' : '0' });
      let report: ImportReport;
      try {
        report = parseAnswer(
          ImportReport,
          '/v1/metrics/imports',
          await client.write('POST', `/v1/metrics/imports?${params.toString()}`, text, {
            contentType: IMPORT_CONTENT_TYPES[format],
          }),
        );
      } catch (error) {
        if (isUnreachable(error)) throw onlineOnly('Importing history');
        throw error;
      }
      if (report.applied) ctx.tablesChanged(['metrics_reports']);
      return report;
    },
  };
  return { handlers };
}
