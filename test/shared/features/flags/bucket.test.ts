import { describe, expect, it } from 'vitest';
import { evaluateFlag, flagBucket } from '../../../../shared/features/flags/bucket';
import { GOLDEN_BUCKETS } from './golden-buckets';

describe('flag buckets', () => {
  it.each(GOLDEN_BUCKETS)('%s for %s is bucket %i', (flagKey, targetingKey, bucket) => {
    expect(flagBucket(flagKey, targetingKey)).toBe(bucket);
  });

  it('spreads users evenly: a 10 % rollout reaches about 10 % of 10,000 users', () => {
    let inside = 0;
    for (let i = 0; i < 10_000; i++) if (flagBucket('shout', `user-${i}`) < 10) inside++;
    expect(inside).toBeGreaterThan(900);
    expect(inside).toBeLessThan(1100);
  });
});

describe('evaluating a flag', () => {
  const flag = { key: 'new-checkout', enabled: true, rolloutPercent: 50 };

  it('is false while disabled, whoever asks', () => {
    expect(evaluateFlag({ ...flag, enabled: false }, 'alice')).toEqual({ value: false, reason: 'DISABLED' });
  });

  it('is true for everyone at 100 %, even without a targeting key', () => {
    expect(evaluateFlag({ ...flag, rolloutPercent: 100 }, null)).toEqual({
      value: true,
      reason: 'TARGETING_MATCH',
    });
  });

  it('lets the bucket decide a partial rollout: alice (17) is in at 50 %, bob (96) is out', () => {
    expect(evaluateFlag(flag, 'alice')).toEqual({ value: true, reason: 'TARGETING_MATCH' });
    expect(evaluateFlag(flag, 'bob')).toEqual({ value: false, reason: 'TARGETING_MATCH' });
    expect(evaluateFlag({ ...flag, rolloutPercent: 17 }, 'alice').value).toBe(false);
    expect(evaluateFlag({ ...flag, rolloutPercent: 18 }, 'alice').value).toBe(true);
    expect(evaluateFlag({ ...flag, rolloutPercent: 0 }, 'alice').value).toBe(false);
  });

  it('leaves a caller without a targeting key outside a partial rollout', () => {
    expect(evaluateFlag(flag, undefined)).toEqual({ value: false, reason: 'DEFAULT' });
    expect(evaluateFlag(flag, '')).toEqual({ value: false, reason: 'DEFAULT' });
  });
});
