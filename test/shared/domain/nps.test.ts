import { describe, expect, it } from 'vitest';
import {
  categorize,
  computeNps,
  countHistogram,
  countScores,
  intervalMethod,
} from '../../../shared/domain/nps';

/**
 * Golden values computed by hand (z = 1.96 rounded in the comments, 1.959964 in the code).
 * Adjusted Wald: n' = n + 3, p' = (P + 0.75)/n', d' = (D + 0.75)/n',
 * centre = p' − d', var = (p' + d' − (p' − d')²)/n', interval = 100·(centre ± z·√var).
 */
describe('NPS', () => {
  it('categorizes 0–6 / 7–8 / 9–10 and rejects anything else', () => {
    expect([0, 6, 7, 8, 9, 10].map(categorize)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect(() => categorize(11)).toThrow(RangeError);
    expect(() => categorize(7.5)).toThrow(RangeError);
    expect(countScores([10, 9, 8, 0, 6])).toEqual({ promoters: 2, passives: 1, detractors: 2 });
    expect(countHistogram([1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 5])).toEqual({
      promoters: 9,
      passives: 3,
      detractors: 3,
    });
  });

  it('n = 0: no score and no interval', () => {
    expect(computeNps({ promoters: 0, passives: 0, detractors: 0 })).toEqual({
      promoters: 0,
      passives: 0,
      detractors: 0,
      n: 0,
      nps: null,
      low: null,
      high: null,
      method: null,
    });
  });

  it('all promoters (n = 10): NPS 100, adjusted-Wald interval [47.50, 100]', () => {
    // n' = 13, p' = 10.75/13 = 0.826923, d' = 0.75/13 = 0.057692, centre = 0.769231
    // var = (0.884615 − 0.591716)/13 = 0.0225307, √var = 0.150102, half = 0.294196
    // low = 100·(0.769231 − 0.294196) = 47.5035, high = 106.34 → clipped to 100
    const r = computeNps({ promoters: 10, passives: 0, detractors: 0 });
    expect(r.nps).toBe(100);
    expect(r.method).toBe('adjusted-wald');
    expect(r.low).toBeCloseTo(47.5036, 3);
    expect(r.high).toBe(100);
  });

  it('all detractors (n = 4): NPS −100, interval [−100, −6.94]', () => {
    // n' = 7, p' = 0.75/7 = 0.107143, d' = 4.75/7 = 0.678571, centre = −0.571429
    // var = (0.785714 − 0.326531)/7 = 0.0655977, √var = 0.256121, half = 0.501994
    // low = −107.34 → −100, high = 100·(−0.571429 + 0.501994) = −6.9435
    const r = computeNps({ promoters: 0, passives: 0, detractors: 4 });
    expect(r.nps).toBe(-100);
    expect(r.low).toBe(-100);
    expect(r.high).toBeCloseTo(-6.9442, 3);
  });

  it('a tiny sample (one of each, n = 3): NPS 0 ± 61.11', () => {
    // n' = 6, p' = d' = 1.75/6 = 0.291667, centre 0, var = 0.583333/6 = 0.0972222
    // √var = 0.311805, half = 0.611126
    const r = computeNps({ promoters: 1, passives: 1, detractors: 1 });
    expect(r.nps).toBe(0);
    expect(r.low).toBeCloseTo(-61.1126, 3);
    expect(r.high).toBeCloseTo(61.1126, 3);
  });

  it('a typical mix (50/30/20 of 100): NPS 30, Wald interval [14.69, 45.31]', () => {
    // p = 0.5, d = 0.2, var = (0.7 − 0.09)/100 = 0.0061, √var = 0.0781025, half = 0.153078
    const r = computeNps({ promoters: 50, passives: 30, detractors: 20 });
    expect(r.nps).toBe(30);
    expect(r.method).toBe('wald');
    expect(r.low).toBeCloseTo(14.6922, 3);
    expect(r.high).toBeCloseTo(45.3078, 3);
  });

  it('uses adjusted Wald below 30 answers and when every answer is in one category', () => {
    expect(intervalMethod({ promoters: 15, passives: 8, detractors: 6 })).toBe('adjusted-wald');
    expect(intervalMethod({ promoters: 15, passives: 9, detractors: 6 })).toBe('wald');
    expect(intervalMethod({ promoters: 500, passives: 0, detractors: 0 })).toBe('adjusted-wald');
  });

  it('rejects negative or fractional counts', () => {
    expect(() => computeNps({ promoters: -1, passives: 0, detractors: 0 })).toThrow(RangeError);
    expect(() => computeNps({ promoters: 1.5, passives: 0, detractors: 0 })).toThrow(RangeError);
  });
});
