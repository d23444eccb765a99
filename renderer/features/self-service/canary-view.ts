import type { CanaryState, TrafficCount } from '../../../shared/features/self-service/api';

export interface TrafficView {
  requests: number;
  failures: number;
  /** "2.5 %", or "—" before the first request. */
  errorRate: string;
}

export interface CanaryView {
  /** What the panel's heading says the canary is doing. */
  phase: string;
  /** Whole seconds until the automatic decision; null before the window opens. */
  secondsLeft: number | null;
  stable: TrafficView;
  canary: TrafficView;
  stableWeight: number;
  canaryWeight: number;
  /** Promote only once the canary takes traffic; Abort any time before a decision. */
  canPromote: boolean;
  canAbort: boolean;
}

const traffic = (count: TrafficCount): TrafficView => ({
  ...count,
  errorRate: count.requests === 0 ? '—' : `${((count.failures / count.requests) * 100).toFixed(1)} %`,
});

/** The canary panel's figures at `now` (pure, so it is tested without a DOM). */
export function canaryView(state: CanaryState, now: number): CanaryView {
  const running = state.status === 'starting' || state.status === 'analysing';
  const endsAt = state.endsAt ? Date.parse(state.endsAt) : null;
  const secondsLeft = endsAt === null ? null : Math.max(0, Math.ceil((endsAt - now) / 1000));
  const phase =
    state.status === 'starting'
      ? 'Starting: waiting for its health check, no traffic yet'
      : state.status === 'analysing'
        ? secondsLeft === 0
          ? 'Window over: deciding'
          : 'Analysing'
        : state.status === 'promoted'
          ? 'Promoted'
          : 'Aborted';
  const takesTraffic = state.status === 'analysing';
  return {
    phase,
    secondsLeft,
    stable: traffic(state.stable),
    canary: traffic(state.canary),
    stableWeight: takesTraffic ? 100 - state.weightPercent : 100,
    canaryWeight: takesTraffic ? state.weightPercent : 0,
    canPromote: takesTraffic,
    canAbort: running,
  };
}

/** "1 min 05 s", "42 s". */
export function formatSecondsLeft(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
