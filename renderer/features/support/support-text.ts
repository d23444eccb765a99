import type { SupportRow } from '../../../shared/features/support/api';

/** Status words for the badge, short enough for its column; the title says what they mean. */
export const statusText: Record<SupportRow['status'], string> = {
  open: 'Open',
  answered: 'Waiting',
  resolved: 'Resolved',
};
export const statusHint: Record<SupportRow['status'], string> = {
  open: 'Open: waiting for the platform team',
  answered: 'Waiting on the requester: the platform team replied',
  resolved: 'Resolved',
};

const span = (ms: number): string => {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${minutes} min`;
};

/** The first-response clock in words: "overdue 3 h", "40 min left", "answered in time", "no SLA". */
export function slaStateText(row: SupportRow): string {
  if (row.status === 'resolved' && row.sla.remainingMs !== null) return 'resolved';
  const { state, remainingMs } = row.sla;
  if (state === 'none') return 'no SLA';
  if (remainingMs === null) return state === 'met' ? 'answered in time' : 'answered late';
  return remainingMs < 0 ? `overdue ${span(remainingMs)}` : `${span(remainingMs)} left`;
}

/** When the first response is due, while the clock runs ("due 14:05" today, else with the date). */
export function slaDueText(row: SupportRow, now: Date = new Date()): string | null {
  if (!row.sla.dueAt || row.sla.remainingMs === null || row.status === 'resolved') return null;
  const due = new Date(row.sla.dueAt);
  const time = due.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return due.toDateString() === now.toDateString()
    ? `due ${time}`
    : `due ${due.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${time}`;
}
