import { describe, expect, it } from 'vitest';
import { bandFor, scoreBacklog, type PriorityInput } from '../../../shared/domain/prioritization';

// Hand-computed goldens. Five items; team sizes are head counts.
const item = (id: string, p: Omit<PriorityInput, 'id'>): PriorityInput => ({ id, ...p });
const items: PriorityInput[] = [
  item('A', {
    demandTeamSizes: [40, 10],
    strategicValue: 8,
    impact: 2,
    confidence: 80,
    effort: 4,
    timeCriticality: 5,
    riskReduction: 3,
  }),
  item('B', {
    demandTeamSizes: [100],
    strategicValue: 2,
    impact: 1,
    confidence: 50,
    effort: 10,
    timeCriticality: 8,
    riskReduction: 2,
  }),
  item('C', {
    demandTeamSizes: [],
    strategicValue: 10,
    impact: 3,
    confidence: 100,
    effort: 2,
    timeCriticality: 1,
    riskReduction: 1,
  }),
  item('D', {
    demandTeamSizes: [20, 5],
    strategicValue: 0,
    impact: 0.5,
    confidence: 20,
    effort: 1,
    timeCriticality: 0,
    riskReduction: 0,
  }),
  item('E', {
    demandTeamSizes: [],
    strategicValue: 0,
    impact: 0.25,
    confidence: 0,
    effort: 5,
    timeCriticality: 0,
    riskReduction: 0,
  }),
];
const byId = (scored: ReturnType<typeof scoreBacklog>) => Object.fromEntries(scored.map((s) => [s.id, s]));

describe('default model (demand weighted by team size + strategic value)', () => {
  it('scores with the default weights 0.6 / 0.4 and demand points relative to the most-demanded item', () => {
    // max people = 100 (B). A: 0.6×5 + 0.4×8 = 6.2; B: 0.6×10 + 0.4×2 = 6.8; C: 0.4×10 = 4; D: 0.6×2.5 = 1.5; E: 0.
    const s = byId(scoreBacklog(items, 'default'));
    expect([s.A?.score, s.B?.score, s.C?.score, s.D?.score, s.E?.score]).toEqual([6.2, 6.8, 4, 1.5, 0]);
    expect([s.B?.position, s.A?.position, s.C?.position, s.D?.position, s.E?.position]).toEqual([
      1, 2, 3, 4, 5,
    ]);
    // n = 5: P1 = top ceil(1) position, P2 = up to ceil(2.5) = 3 positions.
    expect([s.B?.band, s.A?.band, s.C?.band, s.D?.band, s.E?.band]).toEqual(['P1', 'P2', 'P2', 'P3', 'P3']);
  });

  it('explains each term: its input and its contribution', () => {
    const a = byId(scoreBacklog(items, 'default')).A;
    expect(a?.terms).toEqual([
      { key: 'demand', label: 'Demand (2 teams, 50 people)', value: 5, op: '+', contribution: 3 },
      { key: 'strategy', label: 'Strategic value', value: 8, op: '+', contribution: 3.2 },
    ]);
    expect(a?.formula).toBe('0.6 × demand 5 + 0.4 × strategy 8 = 6.2');
  });

  it('uses edited weights, normalised to sum 1', () => {
    // 1 : 3 → 0.25 / 0.75. A: 0.25×5 + 0.75×8 = 7.25; B: 2.5 + 1.5 = 4.
    const s = byId(scoreBacklog(items, 'default', { demand: 1, strategy: 3 }));
    expect(s.A?.score).toBe(7.25);
    expect(s.B?.score).toBe(4);
    // Demand only: A 5, B 10, D 2.5.
    const d = byId(scoreBacklog(items, 'default', { demand: 1, strategy: 0 }));
    expect([d.A?.score, d.B?.score, d.C?.score, d.D?.score]).toEqual([5, 10, 0, 2.5]);
  });
});

describe('RICE', () => {
  it('is reach × impact × confidence ÷ effort with reach = people in requesting teams', () => {
    // A: 50×2×0.8/4 = 20; B: 100×1×0.5/10 = 5; C: 0 (no reach); D: 25×0.5×0.2/1 = 2.5; E: 0.
    const s = byId(scoreBacklog(items, 'rice'));
    expect([s.A?.score, s.B?.score, s.C?.score, s.D?.score, s.E?.score]).toEqual([20, 5, 0, 2.5, 0]);
    // C and E tie at 0: same position (4), and a zero score is always P3.
    expect([s.A?.position, s.B?.position, s.D?.position, s.C?.position, s.E?.position]).toEqual([
      1, 2, 3, 4, 4,
    ]);
    expect([s.A?.band, s.B?.band, s.D?.band, s.C?.band, s.E?.band]).toEqual(['P1', 'P2', 'P2', 'P3', 'P3']);
    expect(s.A?.formula).toBe('50 × 2 × 0.8 ÷ 4 = 20');
    expect(s.A?.terms.map((t) => [t.key, t.value, t.op])).toEqual([
      ['reach', 50, '×'],
      ['impact', 2, '×'],
      ['confidence', 0.8, '×'],
      ['effort', 4, '÷'],
    ]);
  });
});

describe('WSJF', () => {
  it('is (business value + time criticality + risk reduction) ÷ job size', () => {
    // A: 16/4 = 4; B: 12/10 = 1.2; C: 12/2 = 6; D: 0; E: 0.
    const s = byId(scoreBacklog(items, 'wsjf'));
    expect([s.A?.score, s.B?.score, s.C?.score, s.D?.score, s.E?.score]).toEqual([4, 1.2, 6, 0, 0]);
    expect([s.C?.band, s.A?.band, s.B?.band, s.D?.band, s.E?.band]).toEqual(['P1', 'P2', 'P2', 'P3', 'P3']);
    // Each cost-of-delay term's share: 8/4, 5/4, 3/4.
    expect(s.A?.terms.map((t) => t.contribution)).toEqual([2, 1.25, 0.75, null]);
  });
});

describe('bands', () => {
  it('are score percentiles: top 20 % P1, next 30 % P2, rest P3; zero is P3', () => {
    // n = 10: P1 = positions 0–1, P2 = 2–4, P3 = 5–9.
    expect([0, 1, 2, 4, 5, 9].map((i) => bandFor(i, 10, 1))).toEqual(['P1', 'P1', 'P2', 'P2', 'P3', 'P3']);
    expect(bandFor(0, 10, 0)).toBe('P3');
    // A single item is P1 (ceil(0.2) = 1).
    expect(bandFor(0, 1, 3)).toBe('P1');
  });
});
