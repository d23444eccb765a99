import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neighboursForIndex } from '../../../../shared/domain/fractional-rank';
import { moveNeighbours } from '../../../../renderer/features/backlog/move-neighbours';

describe('moveNeighbours', () => {
  it('agrees with neighboursForIndex over the whole list, for any move', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(n - 1))),
        ([n, from, to]) => {
          const rows = Array.from({ length: n }, (_, i) => ({ id: `r${i}` }));
          const idAt = (index: number) => rows[index]?.id ?? null;
          const moved = rows[from]!.id;
          const result = moveNeighbours(idAt, from, to);
          expect(result.to).toEqual(neighboursForIndex(rows, moved, to));
          expect(result.from).toEqual(neighboursForIndex(rows, moved, from));
        },
      ),
    );
  });
});
