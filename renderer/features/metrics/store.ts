import { create } from 'zustand';
import type { MetricScope } from '../../../shared/features/metrics/api';
import type { MetricsRangeInput } from '../../../shared/features/metrics/ipc';

/**
 * What the Metrics page is looking at (UI state: the numbers themselves live in react-query). Kept
 * in the URL (url-state.ts), so a view can be shared and comes back on reload; the breadcrumb
 * names teams and services from the cache, since a link carries only ids.
 */
interface MetricsViewState {
  scope: MetricScope;
  /** The team drilled through to a service, so the breadcrumb can lead back to it. */
  lastTeamId: string | null;
  range: MetricsRangeInput;
  showOrg(): void;
  showTeam(teamId: string): void;
  showService(serviceId: string): void;
  setRange(range: MetricsRangeInput): void;
}

export const useMetricsView = create<MetricsViewState>((set) => ({
  scope: { kind: 'org' },
  lastTeamId: null,
  range: { preset: 'last90' },
  showOrg: () => set({ scope: { kind: 'org' }, lastTeamId: null }),
  showTeam: (teamId) => set({ scope: { kind: 'team', teamId }, lastTeamId: teamId }),
  showService: (serviceId) => set({ scope: { kind: 'service', serviceId } }),
  setRange: (range) => set({ range }),
}));
