import { describe, expect, it } from 'vitest';
import { devexScore } from '../../../shared/domain/devex';
import { likertHistogram, summarizeLikert } from '../../../shared/domain/likert';

describe('Likert and DevEx', () => {
  it('summarizes a distribution: shares, mean, favorable', () => {
    // 1·1 + 2·2 + 3·3 + 4·4 + 5·0 = 30 over 10 answers → mean 3; favorable 4/10
    const s = summarizeLikert([1, 2, 3, 4, 0]);
    expect(s.n).toBe(10);
    expect(s.mean).toBe(3);
    expect(s.favorable).toBe(0.4);
    expect(s.shares).toEqual([0.1, 0.2, 0.3, 0.4, 0]);
    expect(summarizeLikert([0, 0, 0, 0, 0]).mean).toBeNull();
    expect(likertHistogram([5, 5, 1])).toEqual([1, 0, 0, 0, 2]);
    expect(() => likertHistogram([6])).toThrow(RangeError);
  });

  it('scores a driver 0–100 from its pooled items', () => {
    // Items [0,0,0,2,2] and [2,0,0,0,0]: pooled [2,0,0,2,2], mean (2 + 8 + 10)/6 = 3.3333
    // score = (3.3333 − 1)/4·100 = 58.333; favorable 4/6
    const d = devexScore('flow', [
      [0, 0, 0, 2, 2],
      [2, 0, 0, 0, 0],
    ]);
    expect(d.n).toBe(6);
    expect(d.score).toBeCloseTo(58.3333, 3);
    expect(d.favorable).toBeCloseTo(0.6667, 3);
    expect(devexScore('cognitive_load', []).score).toBeNull();
  });
});
