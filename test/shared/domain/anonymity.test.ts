import { describe, expect, it } from 'vitest';
import { checkMinGroupSize, suppressGroups } from '../../../shared/domain/anonymity';

describe('anonymity thresholds', () => {
  it('accepts k ≥ 3 and rejects lower or fractional k', () => {
    expect(checkMinGroupSize(5)).toBeNull();
    expect(checkMinGroupSize(3)).toBeNull();
    expect(checkMinGroupSize(2)).toMatch(/never below 3/);
    expect(checkMinGroupSize(4.5)).toMatch(/integer/);
    expect(() => suppressGroups([], 2)).toThrow(RangeError);
  });

  it('hides a team of 4 at k = 5, and the next smallest so it cannot be derived from the total', () => {
    const r = suppressGroups(
      [
        { key: 'big', respondents: 20 },
        { key: 'small', respondents: 4 },
        { key: 'mid', respondents: 7 },
      ],
      5,
    );
    expect(r.hidden).toEqual(['small', 'mid']);
    expect(r.visible).toEqual(['big']);
    expect(r.reasons).toEqual({ small: 'too_few_respondents', mid: 'complementary' });
  });

  it('keeps suppressing until the hidden remainder has k respondents', () => {
    // 1 + 1 hidden = 2 < 5: total − shown would expose those two people's answers together.
    const r = suppressGroups(
      [
        { key: 'a', respondents: 1 },
        { key: 'b', respondents: 1 },
        { key: 'c', respondents: 6 },
        { key: 'd', respondents: 9 },
      ],
      5,
    );
    expect(r.hidden).toEqual(['a', 'b', 'c']);
    expect(r.visible).toEqual(['d']);
  });

  it('shows everything when no group is small, and needs no partner for two small groups of ≥ k together', () => {
    expect(
      suppressGroups(
        [
          { key: 'a', respondents: 5 },
          { key: 'b', respondents: 5 },
        ],
        5,
      ).hidden,
    ).toEqual([]);
    const r = suppressGroups(
      [
        { key: 'a', respondents: 3 },
        { key: 'b', respondents: 4 },
        { key: 'c', respondents: 10 },
      ],
      5,
    );
    expect(r.hidden).toEqual(['a', 'b']);
    expect(r.visible).toEqual(['c']);
  });

  it('a group nobody answered in reveals nothing and does not force a partner', () => {
    const r = suppressGroups(
      [
        { key: 'empty', respondents: 0 },
        { key: 'a', respondents: 8 },
      ],
      5,
    );
    expect(r.visible).toEqual(['a']);
  });
});
