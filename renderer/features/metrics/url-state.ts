import { ScopeParam, scopeParam, type MetricScope } from '../../../shared/features/metrics/api';
import { MetricsRangeInput } from '../../../shared/features/metrics/ipc';
import type { UrlCodec } from '../../router/url-state';

/** The part of the Metrics view a link carries: what is looked at, over which range. */
export interface MetricsUrlView {
  scope: MetricScope;
  /** The team drilled through to a service, so the breadcrumb leads back to it after a reload. */
  lastTeamId: string | null;
  range: MetricsRangeInput;
}

const DAY_MS = 86_400_000;
const VIEW_KEYS = new Set(['scope', 'via', 'range', 'from', 'to']);
const day = (iso: string) => iso.slice(0, 10);

/**
 * `#/metrics?scope=team:<id>&range=quarter`, or a custom range as its first and last day
 * (`from=2024-06-01&to=2024-12-31`, UTC, the last day included — as the picker shows them). The
 * defaults (the organization, the last 90 days) are left out; anything malformed is ignored.
 */
export const metricsUrlCodec: UrlCodec<MetricsUrlView> = {
  toParams(view) {
    const params = new URLSearchParams();
    if (view.scope.kind !== 'org') params.set('scope', scopeParam(view.scope));
    if (view.scope.kind === 'service' && view.lastTeamId) params.set('via', view.lastTeamId);
    if (view.range.preset === 'quarter') params.set('range', 'quarter');
    if (view.range.preset === 'custom') {
      params.set('from', day(view.range.from));
      params.set('to', day(new Date(Date.parse(view.range.to) - DAY_MS).toISOString()));
    }
    return params;
  },
  fromParams(params) {
    // A URL with no view at all (the nav link) keeps the view in memory; one with any part of it
    // is the whole view, its left-out parts the defaults (which the URL never writes).
    const view: Partial<MetricsUrlView> = [...params.keys()].some((key) => VIEW_KEYS.has(key))
      ? { scope: { kind: 'org' }, lastTeamId: null, range: { preset: 'last90' } }
      : {};
    const scope = ScopeParam.safeParse(params.get('scope') ?? '');
    if (scope.success) {
      view.scope = scope.data;
      const via = params.get('via');
      view.lastTeamId =
        scope.data.kind === 'team'
          ? scope.data.teamId
          : scope.data.kind === 'service' && via && via.length <= 100
            ? via
            : null;
    }
    const range = rangeOf(params);
    if (range) view.range = range;
    return view;
  },
};

function rangeOf(params: URLSearchParams): MetricsRangeInput | null {
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to)) {
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`) + DAY_MS;
    const custom = MetricsRangeInput.safeParse({
      preset: 'custom',
      from: Number.isFinite(start) ? new Date(start).toISOString() : '',
      to: Number.isFinite(end) ? new Date(end).toISOString() : '',
    });
    if (custom.success) return custom.data;
  }
  const preset = params.get('range');
  if (preset === 'quarter' || preset === 'last90') return { preset };
  return null;
}
