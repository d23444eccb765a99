import { capabilities, type DoraKeys, type MetricsReport } from '../../../../shared/features/metrics/api';
import { DEFAULT_ROI_INPUTS, computeRoi } from '../../../../shared/domain/metrics';

const WEEK_MS = 7 * 86_400_000;

const dora = (deployments: number): DoraKeys => ({
  deploymentsPerDay: deployments / 90,
  deploymentsPerWeek: (deployments / 90) * 7,
  deployments,
  frequencyBand: 'elite',
  leadTimeMedianSeconds: 2 * 86_400,
  leadTimeBand: 'high',
  leadTimeSamples: deployments,
  changeFailureRate: 0.05,
  changeFailureBand: 'elite',
  failedDeployments: Math.round(deployments * 0.05),
  recoveryMedianSeconds: 1800,
  recoveryBand: 'elite',
  recoveries: 12,
  reworkRate: 0.02,
});

/**
 * A report shaped like the demo's (made up numbers, consistent with each other): `weeks` weekly
 * points, every capability, a quarter of onboarding per 13 weeks. For cache and page tests.
 */
export function bigReport(weeks: number): MetricsReport {
  const to = Date.parse('2026-11-30T00:00:00.000Z');
  const from = to - weeks * WEEK_MS;
  const usage = Object.fromEntries(capabilities.map((c, i) => [c, { uses: 100 * (i + 1), teams: 3 + i }]));
  const roi = computeRoi(DEFAULT_ROI_INPUTS, usage);
  return {
    scope: { kind: 'org' },
    range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    asOf: '2026-11-30T07:00:00.000Z',
    dora: dora(450),
    beforeAfter: {
      launchDate: new Date(from + Math.floor(weeks / 2) * WEEK_MS + 86_400_000).toISOString(),
      before: {
        ...dora(104),
        deploymentsPerDay: 2 / 7,
        deploymentsPerWeek: 2,
        frequencyBand: 'high',
        leadTimeMedianSeconds: 14 * 86_400,
        leadTimeBand: 'medium',
        changeFailureRate: 0.15,
        changeFailureBand: 'medium',
        recoveryMedianSeconds: 4 * 3600,
        recoveryBand: 'high',
        from: new Date(from).toISOString(),
        to: new Date(from + Math.floor(weeks / 2) * WEEK_MS).toISOString(),
      },
      after: {
        ...dora(1820),
        deploymentsPerDay: 5,
        deploymentsPerWeek: 35,
        from: new Date(from + Math.floor(weeks / 2) * WEEK_MS).toISOString(),
        to: new Date(to).toISOString(),
      },
      improvement: {
        deploymentsPerWeek: { before: 2, after: 35, percent: 1650, better: true },
        leadTimeMedianSeconds: {
          before: 14 * 86_400,
          after: 2 * 86_400,
          percent: -85.71428571428571,
          better: true,
        },
        changeFailureRate: { before: 0.15, after: 0.05, percent: -66.66666666666667, better: true },
        recoveryMedianSeconds: { before: 4 * 3600, after: 1800, percent: -87.5, better: true },
      },
    },
    adoption: {
      days: 30,
      teamsUsingPlatform: 12,
      teams: 15,
      rows: capabilities.map((capability, i) => ({
        capability,
        teamsUsing: 15 - i * 2,
        teams: 15,
        share: (15 - i * 2) / 15,
        uses: 100 * (i + 1),
        supportRequests: i,
        surveyScore: i % 2 === 0 ? 3.5 : null,
        low: (15 - i * 2) / 15 < 0.5,
      })),
    },
    weekly: Array.from({ length: weeks }, (_, i) => ({
      weekStart: new Date(from + i * WEEK_MS).toISOString().slice(0, 10),
      deployments: i < weeks / 2 ? 2 : 35,
      leadTimeMedianSeconds: i % 10 === 9 ? null : (i < weeks / 2 ? 14 : 2) * 86_400,
      failures: i % 5 === 0 ? 1 : 0,
      incidents: i % 7 === 0 ? 1 : 0,
    })),
    onboarding: {
      quarters: Array.from({ length: Math.max(1, Math.floor(weeks / 13)) }, (_, i) => ({
        quarter: `${2025 + Math.floor(i / 4)}-Q${(i % 4) + 1}`,
        medianSeconds: (20 - i) * 86_400,
        services: 3 + i,
      })),
      samples: Array.from({ length: weeks * 2 }, (_, i) => ({
        serviceId: `svc-${i}`,
        createdAt: new Date(from + i * 86_400_000).toISOString(),
        firstHealthyProductionAt: new Date(from + i * 86_400_000 + 3 * 86_400_000).toISOString(),
        seconds: 3 * 86_400,
      })),
    },
    roi,
    leadTimeHistogram: [
      { bucket: '< 1 h', count: 40 },
      { bucket: '1 h – 1 day', count: 210 },
      { bucket: '1 day – 1 week', count: 180 },
      { bucket: '1 week – 1 month', count: 18 },
      { bucket: '≥ 1 month', count: 2 },
    ],
  };
}
