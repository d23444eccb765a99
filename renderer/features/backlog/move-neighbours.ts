/** The items a moved item lands between ("move X between A and B"); null at either end. */
export type Neighbours = { afterId: string | null; beforeId: string | null };

/**
 * Where a move from place `from` to place `to` puts the item, and where it was (so the move can be
 * undone), read only from the rows around those places: the table holds windows of the backlog,
 * never all of it, and the rows next to a visible row are always loaded. Same answer as
 * shared/domain/fractional-rank.ts `neighboursForIndex` over the whole list.
 */
export function moveNeighbours(
  idAt: (index: number) => string | null,
  from: number,
  to: number,
): { to: Neighbours; from: Neighbours } {
  const id = (index: number) => (index < 0 ? null : idAt(index));
  return {
    to:
      to < from
        ? { afterId: id(to - 1), beforeId: id(to) }
        : to > from
          ? { afterId: id(to), beforeId: id(to + 1) }
          : { afterId: id(from - 1), beforeId: id(from + 1) },
    from: { afterId: id(from - 1), beforeId: id(from + 1) },
  };
}
