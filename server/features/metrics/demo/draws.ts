import { createPrng } from '../../../../shared/domain/seeded-random';

/**
 * The continuous draws the demo history needs (times, durations, counts), on top of the seeded
 * generator every demo seed uses: the same seed gives the same history on every machine.
 */
export interface Draws {
  /** Uniform in [0, 1). */
  unit(): number;
  between(min: number, max: number): number;
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Log-normal around `median` (durations: most are near it, a few are much longer). */
  around(median: number, spread: number): number;
  /** A Poisson count with the given mean (events per day, per month). */
  count(mean: number): number;
  /** 40 hex digits, shaped like a git commit id. */
  sha(): string;
}

export function createDraws(seed: number): Draws {
  const unit = createPrng(seed);
  const int = (min: number, max: number) => min + Math.floor(unit() * (max - min + 1));
  const normal = () => {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - unit();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * unit());
  };
  return {
    unit,
    between: (min, max) => min + unit() * (max - min),
    int,
    chance: (probability) => unit() < probability,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    around: (median, spread) => median * Math.exp(spread * normal()),
    count(mean) {
      // Knuth's method: fine for the small means of a demo (a few per day or month).
      const limit = Math.exp(-mean);
      let n = 0;
      for (let p = unit(); p > limit; p *= unit()) n += 1;
      return n;
    },
    sha: () =>
      Array.from({ length: 5 }, () =>
        Math.floor(unit() * 0x100000000)
          .toString(16)
          .padStart(8, '0'),
      ).join(''),
  };
}
