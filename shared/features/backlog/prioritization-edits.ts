import type { BacklogFields, BacklogItem } from './api';
import { resolveMove, type MoveIntent, type Ranked } from '../../domain/fractional-rank';

/**
 * The merge rules of backlog edits (docs/architecture.md, "Sync and push"), as pure functions the server applies in arrival
 * order and every client re-applies when it rebases its pending edits on fresh server state — one
 * implementation, so both sides compute the same result:
 *   - scalar fields: per-field last writer wins (a patch overwrites only the fields it names);
 *   - deletes win: an edit to an item that no longer exists is dropped (null);
 *   - demand is a set: add/remove are idempotent, never counted.
 */

export function patchItem(item: BacklogItem, patch: Partial<BacklogFields>, at: string): BacklogItem {
  const next: BacklogItem = { ...item, updatedAt: at };
  for (const [key, value] of Object.entries(patch) as [keyof BacklogFields, unknown][]) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  if (patch.status !== undefined && patch.status !== item.status) {
    next.shippedAt = patch.status === 'done' ? at : null;
  }
  return next;
}

export function setDemand(item: BacklogItem, teamId: string, present: boolean, at: string): BacklogItem {
  const has = item.demandTeamIds.includes(teamId);
  if (has === present) return item;
  const ids = present ? [...item.demandTeamIds, teamId] : item.demandTeamIds.filter((id) => id !== teamId);
  return { ...item, demandTeamIds: ids.sort(), updatedAt: at };
}

/** The moved item with its new key (marked manual), or null when the move no longer applies. */
export function moveItem(
  items: readonly Ranked[],
  item: BacklogItem,
  intent: Omit<MoveIntent, 'id'>,
  at: string,
): BacklogItem | null {
  const rank = resolveMove(items, { id: item.id, ...intent });
  if (rank === null) return null;
  return { ...item, rank, rankManual: true, updatedAt: at };
}
