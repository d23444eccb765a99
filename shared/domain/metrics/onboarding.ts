import type { ProductionDeploy } from './deploy-timeline';
import { median } from './median';
import { quarterOf } from './quarters';
import { inRange, rangeMs, toMs, type MetricRange } from './time';

/**
 * Time to onboard (issue 10): a service created from a template → its first production deploy that
 * went live (going live is the platform's health gate: a deploy whose checks fail ends `failed`).
 * A service never deployed to production is not a sample. Grouped by the UTC quarter the service
 * was created in; a quarter with templated services but none in production yet is listed with
 * `services` 0 and a null median.
 */
export interface TemplatedService {
  serviceId: string;
  createdAt: string;
}

export interface OnboardingSample {
  serviceId: string;
  createdAt: string;
  firstHealthyProductionAt: string;
  seconds: number;
}

export interface OnboardingQuarter {
  quarter: string;
  medianSeconds: number | null;
  /** Samples: services created that quarter that reached production. */
  services: number;
}

export interface Onboarding {
  quarters: OnboardingQuarter[];
  samples: OnboardingSample[];
}

/** `range`, when given, keeps the services created in it. */
export function computeOnboarding(
  services: readonly TemplatedService[],
  deploys: readonly ProductionDeploy[],
  range?: MetricRange,
): Onboarding {
  const span = range ? rangeMs(range) : null;
  const wentLive = new Map<string, number[]>();
  for (const deploy of deploys) {
    if (deploy.failed || deploy.rollback) continue;
    const times = wentLive.get(deploy.serviceId) ?? [];
    times.push(toMs(deploy.deployedAt));
    wentLive.set(deploy.serviceId, times);
  }
  const byQuarter = new Map<string, number[]>();
  const samples: OnboardingSample[] = [];
  const created = services
    .map((service) => ({ ...service, at: toMs(service.createdAt) }))
    .filter((service) => span === null || inRange(service.at, span))
    .sort((a, b) => a.at - b.at);
  for (const service of created) {
    const quarter = quarterOf(service.at);
    const seconds = byQuarter.get(quarter) ?? [];
    byQuarter.set(quarter, seconds);
    let first: number | null = null;
    for (const at of wentLive.get(service.serviceId) ?? []) {
      if (at >= service.at && (first === null || at < first)) first = at;
    }
    if (first === null) continue;
    seconds.push((first - service.at) / 1000);
    samples.push({
      serviceId: service.serviceId,
      createdAt: new Date(service.at).toISOString(),
      firstHealthyProductionAt: new Date(first).toISOString(),
      seconds: (first - service.at) / 1000,
    });
  }
  const quarters = [...byQuarter.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([quarter, seconds]) => ({ quarter, medianSeconds: median(seconds), services: seconds.length }));
  return { quarters, samples };
}
