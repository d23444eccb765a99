import { describe, expect, it } from 'vitest';
import { createPicker, createPrng } from '../../../shared/domain/seeded-random';

describe('seeded random', () => {
  it('gives the mulberry32 sequence: the same for the same seed on every machine', () => {
    // First outputs of mulberry32 for seed 1, computed apart with a Python port of the reference algorithm.
    const next = createPrng(1);
    expect([next(), next(), next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const a = createPrng(42);
    const b = createPrng(42);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });

  it('picks within bounds and samples without repeats', () => {
    const picker = createPicker(7);
    for (let i = 0; i < 200; i++) {
      const n = picker.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }
    const sample = picker.sample(['a', 'b', 'c', 'd'], 3);
    expect(new Set(sample).size).toBe(3);
    expect(picker.sample(['a'], 5)).toEqual(['a']);
    expect(() => picker.pick([])).toThrow('pick from an empty list');
  });
});
