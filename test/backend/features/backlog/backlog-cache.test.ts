import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../../../electron/backend/features/backlog/csv';
import { createBacklogHandlers } from '../../../../electron/backend/features/backlog/handlers';
import { createSupportHandlers } from '../../../../electron/backend/features/support/handlers';
import { bandFor } from '../../../../shared/domain/prioritization';
import {
  BacklogQuery as BacklogQueryParser,
  type BacklogQuery,
} from '../../../../shared/features/backlog/api';
import {
  SupportQuery as SupportQueryParser,
  type SupportQuery,
} from '../../../../shared/features/support/api';
import { featureContext } from '../../feature-context';
import { openBacklogCacheAtScale } from './backlog-scale-cache';

let env: ReturnType<typeof openBacklogCacheAtScale>;
let handlers: ReturnType<typeof createBacklogHandlers>['handlers'] &
  ReturnType<typeof createSupportHandlers>['handlers'];
const tables: string[][] = [];
const list = (q: BacklogQuery) => handlers['backlog:list'](BacklogQueryParser.parse(q));
const support = (q: SupportQuery) => handlers['support:list'](SupportQueryParser.parse(q));
const csvOf = (q: BacklogQuery) => handlers['backlog:exportCsv'](BacklogQueryParser.parse(q));

beforeAll(() => {
  env = openBacklogCacheAtScale();
  const ctx = featureContext(env.cache.db, { onTablesChanged: (t) => tables.push(t), now: () => env.now });
  handlers = { ...createBacklogHandlers(ctx).handlers, ...createSupportHandlers(ctx).handlers };
});
afterAll(() => {
  env.cache.close();
  rmSync(env.dir, { recursive: true, force: true });
});

describe('backlog in the cache at 5,000 items and 1,000 support requests', () => {
  it('lists in the lead order, filters and sorts in SQLite, and scores every row with its band', () => {
    const all = list({});
    expect(all.totalAll).toBe(5000);
    expect(all.rows.map((r) => r.id).slice(0, 3)).toEqual(['item-0', 'item-1', 'item-2']);
    // Bands follow the percentile rule over the whole backlog (ties share their group's best position).
    for (const r of all.rows) expect(r.band).toBe(bandFor(r.modelPosition - 1, 5000, r.score));
    const p1 = all.rows.filter((r) => r.band === 'P1').length;
    expect(p1).toBeGreaterThan(900);
    expect(p1).toBeLessThan(1100);

    const filtered = list({ search: 'rollbacks', statuses: ['planned'] });
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.rows.every((r) => r.title.includes('rollbacks') && r.status === 'planned')).toBe(true);

    const byScore = list({
      model: 'wsjf',
      sort: { column: 'score', direction: 'desc' },
    }).rows;
    for (let i = 1; i < byScore.length; i += 1)
      expect(byScore[i - 1]!.score).toBeGreaterThanOrEqual(byScore[i]!.score);
    const item = all.rows.find((r) => r.demandTeamIds.length === 5)!;
    const detail = handlers['backlog:get']({ id: item.id, model: 'default' });
    expect(detail?.terms[0]?.label).toBe(`Demand (5 teams, ${item.demandPeople} people)`);
    expect(detail?.formula).toMatch(/= [\d.]+$/);
    expect(handlers['backlog:get']({ id: 'nope', model: 'rice' })).toBeNull();
  });

  it('re-ranks by intent: the moved item lands between its neighbours, marked manual, and is queued', () => {
    handlers['backlog:move']({ id: 'item-4000', afterId: 'item-0', beforeId: 'item-1' });
    const rows = list({}).rows;
    expect(rows.slice(0, 3).map((r) => [r.id, r.rankManual])).toEqual([
      ['item-0', false],
      ['item-4000', true],
      ['item-1', false],
    ]);
    expect(tables.at(-1)).toEqual(expect.arrayContaining(['backlog_items', 'outbox']));
    const demand = handlers['backlog:demand']({ id: 'item-1', teamId: 'team-59', present: true });
    expect(demand.mutationId).toBeGreaterThan(0);
    expect(list({}).rows[2]?.demandTeamIds).toContain('team-59');
  });

  it('exports quoted CSV: commas, quotes, newlines survive; formulas are neutralised', () => {
    expect(csvField('a "b", c\nd')).toBe('"a ""b"", c\nd"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(null)).toBe('""');
    const csv = csvOf({ statuses: ['done'] });
    expect(csv.filename).toBe('pave-backlog-2025-03-01.csv');
    const lines = csv.csv.split('\r\n');
    expect(lines[0]).toBe(
      '"Position","Title","Capability","Status","Phase","Band","Score","Teams","Requesting teams","Strategic value","Effort","Confidence","Manual rank","Description"',
    );
    expect(csv.rows).toBe(list({ statuses: ['done'] }).total);
    expect(csv.csv).toContain('"Quoted ""names"", commas, and\na second line"');
  });

  it('support: SLA clocks and load per capability flag the over-asked capability', () => {
    const page = support({});
    expect(page.totalAll).toBe(1000);
    expect(page.load[0]).toMatchObject({ capability: 'secrets', high: true });
    expect(page.load.filter((l) => l.high)).toHaveLength(1);
    const production = page.rows.find((r) => r.kind === 'production' && r.status !== 'resolved')!;
    expect(production.sla.state).toBe('breached');
    expect(support({ escalatedOnly: true }).rows.every((r) => r.sla.escalate)).toBe(true);
  });

  it('roadmap: phases in order with items by status and shipped counts', () => {
    const view = handlers['roadmap:get']({});
    expect(view.phases.map((p) => p.phase)).toEqual(['foundation', 'common_needs', 'advanced']);
    for (const p of view.phases) {
      expect(p.shipped).toBe(p.items.filter((i) => i.status === 'done').length);
      const order = p.items.map((i) =>
        ['done', 'in_progress', 'planned', 'proposed', 'declined'].indexOf(i.status),
      );
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });
});
