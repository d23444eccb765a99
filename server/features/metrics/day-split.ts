import { DAY_MS } from '../../../shared/domain/metrics';

/**
 * A range cut at UTC midnights: the whole days inside it, read from the daily counters, and the
 * partial days at its ends, read from the rows themselves. `[from, to)`; `days` null when no
 * whole day fits.
 */
export interface DaySplit {
  days: { from: string; to: string } | null;
  edges: { from: string; to: string }[];
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

export function splitByDays(range: { from: string; to: string }): DaySplit {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const firstWhole = Math.ceil(from / DAY_MS) * DAY_MS;
  const endWhole = Math.floor(to / DAY_MS) * DAY_MS;
  if (endWhole <= firstWhole) return { days: null, edges: [{ from: iso(from), to: iso(to) }] };
  const edges = [
    { from: iso(from), to: iso(firstWhole) },
    { from: iso(endWhole), to: iso(to) },
  ].filter((edge) => edge.from < edge.to);
  return { days: { from: isoDay(firstWhole), to: isoDay(endWhole) }, edges };
}
