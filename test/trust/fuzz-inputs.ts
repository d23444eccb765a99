import fc from 'fast-check';

/**
 * Hostile inputs for the fuzz suites (issue 13, "the probes become tests"): malformed JSON,
 * wrong types, text that cannot be stored, huge strings and deep nesting, drawn from a seeded
 * generator so a failure names its seed and replays.
 */
export const FUZZ_SEED = Number(process.env.PAVE_FUZZ_SEED ?? 20261130);

export const badStrings = [
  'nul\u0000inside',
  '\u0000',
  'lone high \ud800',
  '\udc00 lone low',
  'x'.repeat(200_000),
  '',
  ' ',
  '../../etc/passwd',
  "'; DROP TABLE services; --",
  '\u202e\ufeff',
];

/** `depth` nested arrays: `[[[…]]]`. */
export const deepArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
/** `depth` nested objects as JSON text (never built as objects: stringify would recurse). */
export const deepObjects = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

export const malformedJson = ['{"a":', '{', '[1,2', 'nul', '{"a":1}}', '\u0000', '{"a":"\\u0000"'];

/** Wrong-typed values for a field whatever it expects. */
export const wrongTypes: unknown[] = [123, -1, 1e308, true, null, [], {}, ['a'], { $ne: 1 }];

/** `n` arbitrary JSON values (any shape), seeded. */
export const randomJson = (n: number, seed: number): unknown[] =>
  fc.sample(fc.jsonValue({ maxDepth: 4 }), { numRuns: n, seed });

/** `n` objects with the given keys, each value a bad string, a wrong type or random JSON. */
export const hostileObjects = (
  keys: readonly string[],
  n: number,
  seed: number,
): Record<string, unknown>[] => {
  if (!keys.length) return [];
  const value = fc.oneof(
    fc.constantFrom(...badStrings),
    fc.constantFrom(...wrongTypes),
    fc.jsonValue({ maxDepth: 2 }),
    fc.string({ unit: 'binary' }),
  );
  return fc.sample(fc.dictionary(fc.constantFrom(...keys), value, { minKeys: 1 }), { numRuns: n, seed });
};

/** Path parameter values: broken text, huge, traversal, bad percent-encoding. */
export const badPathValues = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%F0%9F',
  '%',
  'x'.repeat(3000),
  '..%2F..%2Fetc',
  '0',
  '-1',
];
