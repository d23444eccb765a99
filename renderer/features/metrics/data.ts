import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { MetricsGetInput } from '../../../shared/features/metrics/ipc';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import type { QueryKeysByTable } from '../../data/table-invalidation';

export const metricsKeys = {
  all: ['metrics'] as const,
  reports: ['metrics', 'report'] as const,
  report: (input: MetricsGetInput) => ['metrics', 'report', input] as const,
  settings: ['metrics', 'settings'] as const,
};

/**
 * Cache tables → the metrics queries. Reports are computed by the platform, so the page asks
 * again when what they are computed from syncs down (events, deployments, incidents);
 * metrics_reports is announced when the settings change or an import lands, and on a resync.
 */
export const metricsQueryKeysByTable: QueryKeysByTable = {
  metrics_reports: [metricsKeys.all],
  platform_events: [metricsKeys.reports],
  deployments: [metricsKeys.reports],
  incidents: [metricsKeys.reports],
};

export const metricsReportQuery = (input: MetricsGetInput) =>
  queryOptions({
    queryKey: metricsKeys.report(input),
    queryFn: async () => unwrap(await pave().invoke('metrics:get', input)),
    // Switching scope or range keeps the last numbers on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export const metricsSettingsQuery = () =>
  queryOptions({
    queryKey: metricsKeys.settings,
    queryFn: async () => unwrap(await pave().invoke('metrics:settings:get', {})),
    staleTime: 30_000,
  });
