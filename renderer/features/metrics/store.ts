import { create } from 'zustand';
import type { MetricScope } from '../../../shared/features/metrics/api';
import type { MetricsRangeInput } from '../../../shared/features/metrics/ipc';

/** What the Metrics page is looking at (UI state: the numbers themselves live in react-query). */
interface MetricsViewState {
  scope: MetricScope;
  /** Names of the team and service drilled into, for the breadcrumb (ids alone say nothing). */
  teamName: string | null;
  serviceName: string | null;
  /** The team drilled through to a service, so the breadcrumb can lead back to it. */
  lastTeamId: string | null;
  range: MetricsRangeInput;
  showOrg(): void;
  showTeam(teamId: string, teamName: string): void;
  showService(serviceId: string, serviceName: string): void;
  setRange(range: MetricsRangeInput): void;
}

export const useMetricsView = create<MetricsViewState>((set) => ({
  scope: { kind: 'org' },
  teamName: null,
  serviceName: null,
  lastTeamId: null,
  range: { preset: 'last90' },
  showOrg: () => set({ scope: { kind: 'org' }, teamName: null, serviceName: null, lastTeamId: null }),
  showTeam: (teamId, teamName) =>
    set({ scope: { kind: 'team', teamId }, teamName, serviceName: null, lastTeamId: teamId }),
  showService: (serviceId, serviceName) => set({ scope: { kind: 'service', serviceId }, serviceName }),
  setRange: (range) => set({ range }),
}));
