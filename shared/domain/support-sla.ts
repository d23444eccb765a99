import { median } from './metrics/median';

/**
 * Support intake SLA clock, escalation and load (pure; golden-tested). Wall-clock time, not business
 * hours: platform support for production is on call around the clock, and one rule is easy to trust.
 *
 * First response targets:
 *   - production issue: immediate — 15 minutes, whatever the tier (someone is paged);
 *   - blocking issue (a team cannot ship): within a day — 24 hours;
 *   - otherwise by tier: direct 1 hour, community 4 hours, documentation none (self-serve docs).
 * A request escalates when its clock is breached and nobody has answered (or by hand, any time).
 * "At risk" means less than a quarter of the target remains.
 */

export type SupportTier = 'documentation' | 'community' | 'direct';
export type SupportKind = 'question' | 'blocking' | 'production';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function firstResponseTargetMs(tier: SupportTier, kind: SupportKind): number | null {
  if (kind === 'production') return 15 * MINUTE;
  if (kind === 'blocking') return 24 * HOUR;
  if (tier === 'direct') return HOUR;
  if (tier === 'community') return 4 * HOUR;
  return null;
}

export interface SlaInput {
  tier: SupportTier;
  kind: SupportKind;
  createdAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  escalatedAt: string | null;
}

export type SlaState = 'none' | 'on_track' | 'at_risk' | 'breached' | 'met' | 'missed';

export interface SlaClock {
  state: SlaState;
  /** Null when the request has no first-response target. */
  dueAt: string | null;
  /** Time left (negative: overdue); null once answered or without a target. */
  remainingMs: number | null;
  /** True when the request should be (or already is) escalated. */
  escalate: boolean;
}

export function slaClock(request: SlaInput, now: Date): SlaClock {
  const target = firstResponseTargetMs(request.tier, request.kind);
  const manual = request.escalatedAt !== null;
  if (target === null) return { state: 'none', dueAt: null, remainingMs: null, escalate: manual };
  const created = Date.parse(request.createdAt);
  const due = created + target;
  const dueAt = new Date(due).toISOString();
  const answered = request.firstResponseAt ?? null;
  if (answered !== null) {
    const met = Date.parse(answered) <= due;
    return { state: met ? 'met' : 'missed', dueAt, remainingMs: null, escalate: manual };
  }
  const remainingMs = due - now.getTime();
  if (request.resolvedAt !== null) return { state: 'met', dueAt, remainingMs: null, escalate: manual };
  if (remainingMs < 0) return { state: 'breached', dueAt, remainingMs, escalate: true };
  return { state: remainingMs < target / 4 ? 'at_risk' : 'on_track', dueAt, remainingMs, escalate: manual };
}

export interface LoadInput {
  capability: string;
  createdAt: string;
}

export interface CapabilityLoad {
  capability: string;
  requests: number;
  /** Many requests about one capability means it is hard to use: a usability problem, not a support one. */
  high: boolean;
}

/**
 * Requests per capability in the last `windowDays` days, most first. High load: at least 5 requests
 * and at least twice the median count of the capabilities that had any.
 */
export function supportLoad(requests: readonly LoadInput[], now: Date, windowDays = 30): CapabilityLoad[] {
  const since = now.getTime() - windowDays * 24 * HOUR;
  const counts = new Map<string, number>();
  for (const r of requests) {
    if (Date.parse(r.createdAt) < since) continue;
    counts.set(r.capability, (counts.get(r.capability) ?? 0) + 1);
  }
  const typical = median([...counts.values()]) ?? 0;
  return [...counts.entries()]
    .map(([capability, n]) => ({ capability, requests: n, high: n >= 5 && n >= 2 * typical }))
    .sort((a, b) => b.requests - a.requests || a.capability.localeCompare(b.capability));
}
