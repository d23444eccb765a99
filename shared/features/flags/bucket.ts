/**
 * Percentage rollout by a stable key (docs/architecture.md, "Numbers"): the same user lands in the
 * same bucket on every evaluation, in every process, on every machine. The platform, the desktop
 * and the template's OpenFeature provider (resources/templates/http-service/pave-flags.js, a copy of
 * these few lines checked against this file by a test) must agree, so the hash is spelled out here:
 * 32-bit FNV-1a over the UTF-8 bytes of `flagKey:targetingKey`, then murmur3's finalizer (FNV's
 * low bits alone cluster for keys that differ in one character, like user-1, user-2), mod 100.
 * Pure integer math: no crypto module, so it runs unchanged in every runtime.
 */
export function flagBucket(flagKey: string, targetingKey: string): number {
  const bytes = new TextEncoder().encode(`${flagKey}:${targetingKey}`);
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % 100;
}

/** OpenFeature's standard reasons, the subset a Pave flag can give. */
export type FlagReason = 'TARGETING_MATCH' | 'DISABLED' | 'DEFAULT';

export interface FlagRule {
  key: string;
  enabled: boolean;
  /** 0–100; 100 = everyone while enabled. */
  rolloutPercent: number;
}

/**
 * A flag's value for one caller. Disabled → false. Enabled at 100 % → true for everyone. A
 * partial rollout needs a targeting key: its bucket decides; without one the caller is outside the
 * rollout (false, reason DEFAULT) — a service that does not say who is asking never gets a feature
 * still being rolled out to some.
 */
export function evaluateFlag(
  flag: FlagRule,
  targetingKey: string | null | undefined,
): { value: boolean; reason: FlagReason } {
  if (!flag.enabled) return { value: false, reason: 'DISABLED' };
  if (flag.rolloutPercent >= 100) return { value: true, reason: 'TARGETING_MATCH' };
  if (!targetingKey) return { value: false, reason: 'DEFAULT' };
  return { value: flagBucket(flag.key, targetingKey) < flag.rolloutPercent, reason: 'TARGETING_MATCH' };
}
