/**
 * "just now", "2 min ago", "3 h ago", "yesterday", "5 days ago" — coarse on purpose: the
 * status bar re-renders on a timer and a ticking seconds counter would be noise.
 */
export function formatRelativeTime(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'at an unknown time';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < -30) return formatFuture(-seconds);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 30) return `${days} days ago`;
  return `on ${new Date(then).toISOString().slice(0, 10)}`;
}

/** "in 12 s", "in 3 min" — for the next retry while offline. */
export function formatCountdown(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'soon';
  const seconds = Math.ceil((then - now) / 1000);
  if (seconds <= 0) return 'now';
  return formatFuture(seconds);
}

function formatFuture(seconds: number): string {
  if (seconds < 60) return `in ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `in ${minutes} min`;
  return `in ${Math.round(minutes / 60)} h`;
}
