/**
 * Time arithmetic of the delivery metrics (docs/architecture.md, "Numbers"), all in UTC so the
 * platform (PostgreSQL `timestamptz`) and the desktop (SQLite text) put an instant in the same day,
 * week and quarter.
 */

export const SECOND_MS = 1000;
export const HOUR_MS = 60 * 60 * SECOND_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** DORA's "month" in its bands; a fixed 30 days so a band never depends on the calendar. */
export const MONTH_MS = 30 * DAY_MS;

/** A half-open interval [from, to) of ISO instants: an event exactly at `to` belongs to the next range. */
export interface MetricRange {
  from: string;
  to: string;
}

const digits = (text: string, start: number, length: number): number => {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
};

/**
 * The canonical UTC form `toISOString()` writes (YYYY-MM-DDTHH:MM:SS[.sss]Z) read by hand: Date.parse
 * is most of the time of DORA over half a million rows, and this is several times faster. NaN for
 * anything else, which then goes through Date.parse.
 */
function parseCanonicalUtc(iso: string): number {
  const length = iso.length;
  if ((length !== 20 && length !== 24) || iso[length - 1] !== 'Z') return NaN;
  if (iso[4] !== '-' || iso[7] !== '-' || iso[10] !== 'T' || iso[13] !== ':' || iso[16] !== ':') return NaN;
  if (length === 24 && iso[19] !== '.') return NaN;
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const hour = digits(iso, 11, 2);
  const minute = digits(iso, 14, 2);
  const second = digits(iso, 17, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59)) {
    return NaN;
  }
  const ms = length === 24 ? digits(iso, 20, 3) : 0;
  return Date.UTC(digits(iso, 0, 4), month - 1, day, hour, minute, second, ms);
}

/** Milliseconds since the epoch of an ISO instant; a clear error for anything else. */
export function toMs(iso: string): number {
  const fast = parseCanonicalUtc(iso);
  if (!Number.isNaN(fast)) return fast;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time: ${JSON.stringify(iso)}`);
  return ms;
}

export interface RangeMs {
  from: number;
  to: number;
}

export function rangeMs(range: MetricRange): RangeMs {
  const from = toMs(range.from);
  const to = toMs(range.to);
  if (to < from) throw new RangeError(`a range ends after it starts: ${range.from} → ${range.to}`);
  return { from, to };
}

export const inRange = (at: number, range: RangeMs): boolean => at >= range.from && at < range.to;

/** The range's length in days, fractional (36 hours = 1.5). */
export const rangeDays = (range: MetricRange): number => {
  const { from, to } = rangeMs(range);
  return (to - from) / DAY_MS;
};

/** The `days` days up to `now`: the metrics' default range is the last 90 days. */
export function lastDays(now: string, days: number): MetricRange {
  return { from: new Date(toMs(now) - days * DAY_MS).toISOString(), to: new Date(toMs(now)).toISOString() };
}

/** Monday 00:00 UTC of the week holding `at` (ISO weeks, as PostgreSQL's date_trunc('week', …)). */
export function weekStartMs(at: number): number {
  const day = Math.floor(at / DAY_MS) * DAY_MS;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY_MS;
}

/** YYYY-MM-DD of an instant, UTC. */
export const isoDate = (at: number): string => new Date(at).toISOString().slice(0, 10);
