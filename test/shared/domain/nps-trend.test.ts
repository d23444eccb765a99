import { describe, expect, it } from 'vitest';
import { compareNps, normalCdf } from '../../../shared/domain/significance';

describe('NPS quarter-over-quarter z-test', () => {
  it('normal CDF matches tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });

  it('30 → 45 on 100 answers each is not significant (z 1.394, p 0.163)', () => {
    // A: p .5, d .2, var .0061. B: p .6, d .15, var (.75 − .2025)/100 = .005475
    // se = √.011575 = .107587, z = .15/.107587 = 1.39422, p = 2·(1 − Φ(1.39422)) = 0.16325
    const r = compareNps(
      { promoters: 50, passives: 30, detractors: 20 },
      { promoters: 60, passives: 25, detractors: 15 },
    );
    expect(r?.difference).toBeCloseTo(15, 10);
    expect(r?.z).toBeCloseTo(1.39422, 4);
    expect(r?.pValue).toBeCloseTo(0.16325, 4);
    expect(r?.significant).toBe(false);
  });

  it('the same shift on 1,000 answers each is significant', () => {
    const r = compareNps(
      { promoters: 500, passives: 300, detractors: 200 },
      { promoters: 600, passives: 250, detractors: 150 },
    );
    // se shrinks by √10: z = 1.39422·√10 = 4.4089
    expect(r?.z).toBeCloseTo(4.4089, 3);
    expect(r?.pValue).toBeLessThan(0.001);
    expect(r?.significant).toBe(true);
  });

  it('needs answers on both sides; a decline has a negative z', () => {
    expect(
      compareNps({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 3, passives: 0, detractors: 0 }),
    ).toBeNull();
    const r = compareNps(
      { promoters: 600, passives: 250, detractors: 150 },
      { promoters: 500, passives: 300, detractors: 200 },
    );
    expect(r?.difference).toBeCloseTo(-15, 10);
    expect(r?.z).toBeLessThan(0);
  });
});
