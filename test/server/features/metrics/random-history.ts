import type { ProductionDeploy, ProductionIncident } from '../../../../shared/domain/metrics';
import { createPrng } from '../../../../shared/domain/seeded-random';

/**
 * Deterministic, dense production history for cross-checking the platform's SQL against the pure
 * definitions: deployments, failed deploys and rollbacks close enough together that the 24-hour
 * windows overlap, incidents (some still open), commit times missing now and then, half of it
 * coming from the platform and half imported. Instants are whole milliseconds with no ties.
 */
export interface HistoryItem extends ProductionDeploy {
  source: 'platform' | 'import';
}
export interface HistoryIncident extends ProductionIncident {
  serviceId: string;
  source: 'platform' | 'import';
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function randomHistory(
  seed: number,
  services: readonly string[],
  start: number,
  days: number,
  counts: { deploys: number; incidents: number },
): { deploys: HistoryItem[]; incidents: HistoryIncident[] } {
  const rnd = createPrng(seed);
  const used = new Set<number>();
  const instant = () => {
    for (;;) {
      const at = start + Math.floor(rnd() * days * DAY);
      if (!used.has(at)) {
        used.add(at);
        return at;
      }
    }
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const iso = (ms: number) => new Date(ms).toISOString();

  const deploys: HistoryItem[] = [];
  for (let i = 0; i < counts.deploys; i++) {
    const at = instant();
    const roll = rnd();
    const kind = roll < 0.12 ? 'failed' : roll < 0.2 ? 'rollback' : 'deployment';
    const source = kind === 'rollback' || rnd() < 0.5 ? 'platform' : 'import';
    // Lead times from minutes to weeks; imports sometimes lack the commit time.
    const lead = Math.floor(Math.exp(rnd() * Math.log(20 * DAY)));
    const committedAt = kind === 'rollback' || (source === 'import' && rnd() < 0.15) ? null : iso(at - lead);
    deploys.push({
      serviceId: pick(services),
      deployedAt: iso(at),
      committedAt,
      source,
      ...(kind === 'failed' ? { failed: true } : {}),
      ...(kind === 'rollback' ? { rollback: true } : {}),
    });
  }
  const incidents: HistoryIncident[] = [];
  for (let i = 0; i < counts.incidents; i++) {
    const opened = instant();
    const resolvedAt = rnd() < 0.1 ? null : iso(opened + Math.floor(rnd() * 2 * DAY));
    incidents.push({
      serviceId: pick(services),
      openedAt: iso(opened),
      resolvedAt,
      source: rnd() < 0.5 ? 'platform' : 'import',
    });
  }
  return { deploys, incidents };
}

/** Fisher–Yates with the same generator family: the order rows reach the database in. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rnd = createPrng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
