import { DAY_MS, HOUR_MS, MONTH_MS, WEEK_MS } from './time';

/**
 * DORA performance bands as the 2023 State of DevOps report draws them (docs/architecture.md,
 * "Numbers"); null = no data to place. The report's wording decides each boundary:
 *   - deployment frequency: elite "on demand (multiple deploys per day)" — at least 1 a day;
 *     high at least once a week; medium at least once a month; else low (boundaries inclusive);
 *   - lead time for changes: elite "less than one day", high less than a week, medium less than a
 *     month, else low (a lead time of exactly one day is high);
 *   - change failure rate: elite 5 %, high 10 %, medium 15 % — at most (exactly 5 % is elite);
 *   - failed deployment recovery time: elite "less than one hour", high less than a day, medium
 *     less than a week, else low (exactly one hour is high).
 * A month is 30 days. Rates come from divisions (13 deploys in 91 days is exactly 1/week but
 * 13/91·7 is 1.0000000000000002 or 0.9999999999999999 in floating point), so rate boundaries are
 * compared with a relative tolerance of 1e-9.
 */

export type Band = 'elite' | 'high' | 'medium' | 'low' | null;

const TOLERANCE = 1e-9;
const atLeast = (value: number, threshold: number) => value >= threshold * (1 - TOLERANCE);
const atMost = (value: number, threshold: number) => value <= threshold * (1 + TOLERANCE);

export function frequencyBand(deploymentsPerDay: number | null): Band {
  if (deploymentsPerDay === null) return null;
  if (atLeast(deploymentsPerDay, 1)) return 'elite';
  if (atLeast(deploymentsPerDay, 1 / 7)) return 'high';
  if (atLeast(deploymentsPerDay, 1 / 30)) return 'medium';
  return 'low';
}

export function leadTimeBand(seconds: number | null): Band {
  if (seconds === null) return null;
  const ms = seconds * 1000;
  if (ms < DAY_MS) return 'elite';
  if (ms < WEEK_MS) return 'high';
  if (ms < MONTH_MS) return 'medium';
  return 'low';
}

export function changeFailureBand(rate: number | null): Band {
  if (rate === null) return null;
  if (atMost(rate, 0.05)) return 'elite';
  if (atMost(rate, 0.1)) return 'high';
  if (atMost(rate, 0.15)) return 'medium';
  return 'low';
}

export function recoveryBand(seconds: number | null): Band {
  if (seconds === null) return null;
  const ms = seconds * 1000;
  if (ms < HOUR_MS) return 'elite';
  if (ms < DAY_MS) return 'high';
  if (ms < WEEK_MS) return 'medium';
  return 'low';
}
