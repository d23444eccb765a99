/**
 * Golden buckets, computed outside this code base (a separate Python implementation of 32-bit
 * FNV-1a over UTF-8 + murmur3's finalizer, mod 100). The template's provider is checked against
 * the same table (test/server/features/flags/pave-flags-provider.test.ts).
 */
export const GOLDEN_BUCKETS: [flagKey: string, targetingKey: string, bucket: number][] = [
  ['shout', 'user-1', 90],
  ['shout', 'user-2', 61],
  ['shout', 'user-3', 1],
  ['new-checkout', 'alice', 17],
  ['new-checkout', 'bob', 96],
  ['new-checkout', 'Zoë', 93],
  ['a', '', 46],
  ['beta.search_v2', '42', 43],
  ['x', '日本', 3],
];
