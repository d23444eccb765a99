import { toMs, type MetricRange } from './time';

/**
 * Calendar quarters in UTC, written 'YYYY-Qn' (Q1 = January–March). Onboarding is grouped by the
 * quarter a service was created in, and "this quarter" is one of the Metrics page's ranges.
 */

export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

export function quarterOf(at: string | number): Quarter {
  const date = new Date(typeof at === 'number' ? at : toMs(at));
  const q = (Math.floor(date.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4;
  return `${date.getUTCFullYear()}-Q${q}`;
}

/** [first instant, first instant of the next quarter) of a quarter. */
export function quarterRange(quarter: string): MetricRange {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new RangeError(`a quarter is written YYYY-Qn, got ${JSON.stringify(quarter)}`);
  const year = Number(match[1]);
  const firstMonth = (Number(match[2]) - 1) * 3;
  return {
    from: new Date(Date.UTC(year, firstMonth, 1)).toISOString(),
    to: new Date(Date.UTC(year, firstMonth + 3, 1)).toISOString(),
  };
}

/** The quarter holding `now`, from its first instant up to `now` (the "this quarter" preset). */
export function quarterToDate(now: string): MetricRange {
  return { from: quarterRange(quarterOf(now)).from, to: new Date(toMs(now)).toISOString() };
}
