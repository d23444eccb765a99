import type { SyncStatus } from '../../shared/ipc/contract';
import { formatCountdown, formatRelativeTime } from '../components/relative-time';

const stateLabels: Record<SyncStatus['state'], string> = {
  starting: 'Starting',
  syncing: 'Syncing',
  online: 'Online',
  offline: 'Offline',
};

export function syncStateLabel(state: SyncStatus['state']): string {
  return stateLabels[state];
}

export function lastSyncedLabel(status: SyncStatus, now: number): string {
  return status.lastSyncedAt === null
    ? 'Never synced'
    : `Last synced ${formatRelativeTime(status.lastSyncedAt, now)}`;
}

/** The tooltip while offline: why, and when Pave tries again. */
export function offlineDetail(status: SyncStatus, now: number): string | null {
  if (status.state !== 'offline') return null;
  const parts = [status.lastError?.message ?? 'The platform is not reachable.'];
  if (status.nextRetryAt) parts.push(`Retrying ${formatCountdown(status.nextRetryAt, now)}.`);
  return parts.join(' ');
}

/**
 * The status bar's word for the outbox, the same noun as the panel it opens ("Pending changes"):
 * waiting changes, plus those that need the user (refused, or to be confirmed again).
 */
export function pendingLabel(count: number, needAttention = 0): string {
  const waiting =
    count === 0
      ? 'No pending changes'
      : `${count.toLocaleString('en-US')} pending ${count === 1 ? 'change' : 'changes'}`;
  if (needAttention === 0) return waiting;
  return `${waiting} · ${needAttention.toLocaleString('en-US')} ${needAttention === 1 ? 'needs' : 'need'} you`;
}
