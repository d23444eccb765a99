import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportHandlers } from '../../../../electron/backend/features/support/handlers';
import { createDispatch, type IpcHandlers } from '../../../../electron/backend/ipc/dispatch';
import { SupportQuery, type SupportRequest, type SupportRow } from '../../../../shared/features/support/api';
import { slaClock } from '../../../../shared/domain/support-sla';
import { ipcCommands } from '../../../../shared/contract';
import { featureContext } from '../../feature-context';
import { openSupportCacheAtScale } from './support-scale-cache';

/**
 * The support list at the scale (1,000 requests): every filter and sort runs in SQLite; the
 * expected rows are computed here independently, from the generated requests and the domain's clock.
 */

let env: ReturnType<typeof openSupportCacheAtScale>;
let list: (
  q: SupportQuery,
) => ReturnType<ReturnType<typeof createSupportHandlers>['handlers']['support:list']>;

beforeAll(() => {
  env = openSupportCacheAtScale(1_000);
  const { handlers: h } = createSupportHandlers(featureContext(env.cache.db, { now: () => env.now }));
  // Every matching row, read window by window as the table does (each window at most 500 rows).
  list = (q) => {
    const first = h['support:list']({ ...SupportQuery.parse(q), offset: 0, limit: 500 });
    const rows = [...first.rows];
    while (rows.length < first.total) {
      rows.push(...h['support:list']({ ...SupportQuery.parse(q), offset: rows.length, limit: 500 }).rows);
    }
    return { ...first, rows };
  };
});
afterAll(() => {
  env?.cache.close();
  if (env) rmSync(env.dir, { recursive: true, force: true });
});

const clock = (r: SupportRequest) => slaClock(r, env.now);
const escalated = (r: SupportRequest) => clock(r).escalate && r.status !== 'resolved';
const teamName = (r: SupportRequest) => env.teams.find((t) => t.id === r.teamId)?.name ?? '';
const expectedIds = (keep: (r: SupportRequest) => boolean) =>
  env.requests
    .filter(keep)
    .map((r) => r.id)
    .sort();
const ids = (rows: readonly SupportRow[]) => rows.map((r) => r.id).sort();

describe('support list at 1,000 requests', () => {
  it('lists everything newest first, with counts and the capabilities to filter by', () => {
    const page = list({});
    expect(page.totalAll).toBe(1000);
    expect(page.total).toBe(1000);
    const created = page.rows.map((r) => r.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(page.capabilities).toEqual([...new Set(env.requests.map((r) => r.capability))].sort());
  });

  it('filters by SLA state exactly as the domain clock judges each request, and every state occurs', () => {
    for (const state of ['on_track', 'at_risk', 'breached'] as const) {
      const page = list({ slaStates: [state] });
      expect(page.total, state).toBeGreaterThan(10);
      expect(ids(page.rows), state).toEqual(expectedIds((r) => clock(r).state === state));
      expect(page.totalAll).toBe(1000);
    }
    const esc = list({ slaStates: ['escalated'] });
    expect(esc.total).toBeGreaterThan(10);
    expect(ids(esc.rows)).toEqual(expectedIds(escalated));
    // Escalated by hand while the clock still runs: not only the breached ones.
    expect(esc.rows.some((r) => r.sla.state !== 'breached')).toBe(true);
    expect(ids(list({ escalatedOnly: true }).rows)).toEqual(ids(esc.rows));
    // Several SLA values are alternatives (OR), like several statuses.
    expect(ids(list({ slaStates: ['at_risk', 'escalated'] }).rows)).toEqual(
      expectedIds((r) => clock(r).state === 'at_risk' || escalated(r)),
    );
  });

  it('filters by status, tier and capability, and combines filters with AND', () => {
    expect(ids(list({ statuses: ['answered'] }).rows)).toEqual(expectedIds((r) => r.status === 'answered'));
    expect(ids(list({ tiers: ['direct', 'documentation'] }).rows)).toEqual(
      expectedIds((r) => r.tier === 'direct' || r.tier === 'documentation'),
    );
    expect(ids(list({ capabilities: ['secrets'] }).rows)).toEqual(
      expectedIds((r) => r.capability === 'secrets'),
    );
    const combined = list({
      statuses: ['open'],
      tiers: ['community'],
      slaStates: ['breached'],
      capabilities: ['secrets', 'databases'],
    });
    const expected = expectedIds(
      (r) =>
        r.status === 'open' &&
        r.tier === 'community' &&
        clock(r).state === 'breached' &&
        ['secrets', 'databases'].includes(r.capability),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(combined.rows)).toEqual(expected);
    expect(combined.total).toBe(expected.length);
  });

  it('searches titles, capabilities and team names, case-insensitively, with LIKE wildcards taken literally', () => {
    expect(ids(list({ search: 'ROLLBACKS' }).rows)).toEqual(
      expectedIds((r) => r.title.includes('rollbacks')),
    );
    expect(ids(list({ search: 'Team 12' }).rows)).toEqual(
      expectedIds((r) => teamName(r).includes('Team 12') || r.title.includes('Team 12')),
    );
    expect(list({ search: 'request #42' }).rows.map((r) => r.id)).toContain('support-req-0042');
    expect(list({ search: '%' }).total).toBe(0);
    expect(list({ search: '_' }).total).toBe(0);
  });

  it('sorts by SLA due time: running clocks first, soonest due first (or last), the rest newest first', () => {
    const running = (r: SupportRow) => ['on_track', 'at_risk', 'breached'].includes(r.sla.state);
    for (const direction of ['asc', 'desc'] as const) {
      const rows = list({ sort: { column: 'slaDue', direction } }).rows;
      const count = env.requests.filter((r) =>
        ['on_track', 'at_risk', 'breached'].includes(clock(r).state),
      ).length;
      expect(rows.slice(0, count).every(running)).toBe(true);
      expect(rows.slice(count).some(running)).toBe(false);
      const due = rows.slice(0, count).map((r) => Date.parse(r.sla.dueAt ?? ''));
      const sorted = [...due].sort((a, b) => a - b);
      expect(due).toEqual(direction === 'asc' ? sorted : sorted.reverse());
      const rest = rows.slice(count).map((r) => r.createdAt);
      expect(rest).toEqual([...rest].sort().reverse());
    }
    // Most urgent first: the top of the list is overdue.
    expect(list({ sort: { column: 'slaDue', direction: 'asc' } }).rows[0]?.sla.state).toBe('breached');
  });

  it('sorts by created time and by tier, within filters', () => {
    const oldest = list({ sort: { column: 'created', direction: 'asc' } }).rows.map((r) => r.createdAt);
    expect(oldest).toEqual([...oldest].sort());
    const level = { documentation: 0, community: 1, direct: 2 };
    const byTier = list({ statuses: ['open'], sort: { column: 'tier', direction: 'desc' } }).rows;
    expect(byTier.every((r) => r.status === 'open')).toBe(true);
    const tiers = byTier.map((r) => level[r.tier]);
    expect(tiers).toEqual([...tiers].sort((a, b) => b - a));
    expect(byTier[0]?.tier).toBe('direct');
  });

  it('rejects bad filter and sort input at the IPC boundary with an invalid_input error', async () => {
    const { handlers: h } = createSupportHandlers(featureContext(env.cache.db));
    const handlers = Object.fromEntries(Object.keys(ipcCommands).map((c) => [c, () => null]));
    const dispatch = createDispatch(
      { ...handlers, 'support:list': h['support:list'] } as IpcHandlers,
      () => {},
    );
    for (const input of [
      { slaStates: ['late'] },
      { tiers: ['premium'] },
      { sort: { column: 'priority', direction: 'asc' } },
      { sort: { column: 'created', direction: 'sideways' } },
      { search: 'x'.repeat(201) },
    ]) {
      const result = await dispatch('support:list', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const ok = await dispatch('support:list', {
      tiers: ['direct'],
      sort: { column: 'tier', direction: 'asc' },
    });
    expect(ok).toMatchObject({ ok: true });
  });
});
