import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Backlog order as fractional-index keys (docs/architecture.md, "Sync and push"). A move is an intent — "X between A and B"
 * — not a key: whoever applies it (the server in arrival order, or a client rebasing its pending
 * moves on fresh server state) computes the key from the neighbours as they are at that moment.
 * Keys compare as plain strings (byte order); ties (never produced by one writer) break by id.
 */

export interface Ranked {
  id: string;
  rank: string;
}

export const compareRanked = (a: Ranked, b: Ranked): number =>
  a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A key strictly between two keys (null = open end). */
export const rankBetween = (before: string | null, after: string | null): string =>
  generateKeyBetween(before, after);

/** The key for a new item appended after the current last one. */
export function rankAtEnd(items: readonly Ranked[]): string {
  let last: string | null = null;
  for (const item of items) if (last === null || item.rank > last) last = item.rank;
  return generateKeyBetween(last, null);
}

/** `n` increasing keys, e.g. for seeding an initial order. */
export const initialRanks = (n: number): string[] => generateNKeysBetween(null, null, n);

export interface MoveIntent {
  id: string;
  /** The item X should follow (null: X goes first, unless `beforeId` says otherwise). */
  afterId: string | null;
  /** The item X should precede (null: X goes last, unless `afterId` says otherwise). */
  beforeId: string | null;
}

/**
 * The new key for `intent.id` given the current order. If A and B are still neighbours, X lands
 * between them. If they drifted apart meanwhile (someone else moved them), X follows A — the
 * anchor the user aimed at first — and if A is gone it precedes B. If both are gone, or X itself
 * is gone, there is nothing to move: null. Pure, so the server and every client compute the same key
 * from the same state.
 */
export function resolveMove(items: readonly Ranked[], intent: MoveIntent): string | null {
  if (!items.some((item) => item.id === intent.id)) return null;
  const others = items.filter((item) => item.id !== intent.id).sort(compareRanked);
  const indexOf = (id: string | null) => (id === null ? -1 : others.findIndex((item) => item.id === id));
  const a = indexOf(intent.afterId);
  const b = indexOf(intent.beforeId);
  const keyAt = (i: number) => others[i]?.rank ?? null;
  if (intent.afterId === null && intent.beforeId === null) return rankBetween(keyAt(others.length - 1), null);
  if (intent.afterId === null && b >= 0) return rankBetween(keyAt(b - 1), keyAt(b));
  if (a >= 0) return rankBetween(keyAt(a), keyAt(a + 1));
  if (b >= 0) return rankBetween(keyAt(b - 1), keyAt(b));
  return null;
}

/** Neighbours of position `index` in an ordered list once the moved item is taken out: for keyboard moves and drops. */
export function neighboursForIndex(
  ordered: readonly { id: string }[],
  movedId: string,
  index: number,
): { afterId: string | null; beforeId: string | null } {
  const others = ordered.filter((item) => item.id !== movedId);
  const clamped = Math.max(0, Math.min(index, others.length));
  return { afterId: others[clamped - 1]?.id ?? null, beforeId: others[clamped]?.id ?? null };
}
