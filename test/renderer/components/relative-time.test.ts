import { describe, expect, it } from 'vitest';
import { formatCountdown, formatRelativeTime } from '../../../renderer/components/relative-time';

const now = Date.parse('2025-06-10T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('formatRelativeTime', () => {
  it('says "just now" for the last 45 seconds and for small clock skew', () => {
    expect(formatRelativeTime(ago(0), now)).toBe('just now');
    expect(formatRelativeTime(ago(44_000), now)).toBe('just now');
    expect(formatRelativeTime(ago(-10_000), now)).toBe('just now');
  });

  it('counts minutes, hours and days', () => {
    expect(formatRelativeTime(ago(2 * 60_000), now)).toBe('2 min ago');
    expect(formatRelativeTime(ago(59 * 60_000), now)).toBe('59 min ago');
    expect(formatRelativeTime(ago(3 * 3_600_000), now)).toBe('3 h ago');
    expect(formatRelativeTime(ago(26 * 3_600_000), now)).toBe('yesterday');
    expect(formatRelativeTime(ago(5 * 86_400_000), now)).toBe('5 days ago');
  });

  it('falls back to the date after a month, and to a plain phrase for garbage', () => {
    expect(formatRelativeTime('2025-01-02T03:04:05Z', now)).toBe('on 2025-01-02');
    expect(formatRelativeTime('not a date', now)).toBe('at an unknown time');
  });

  it('speaks of the future when the time is well ahead', () => {
    expect(formatRelativeTime(ago(-5 * 60_000), now)).toBe('in 5 min');
  });
});

describe('formatCountdown', () => {
  it('counts down seconds, then minutes, and says "now" when due', () => {
    expect(formatCountdown(ago(-12_000), now)).toBe('in 12 s');
    expect(formatCountdown(ago(-11_500), now)).toBe('in 12 s');
    expect(formatCountdown(ago(-180_000), now)).toBe('in 3 min');
    expect(formatCountdown(ago(1_000), now)).toBe('now');
    expect(formatCountdown('nope', now)).toBe('soon');
  });
});
