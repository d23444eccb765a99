import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../../../shared/contract';
import { listTeams } from '../../../../electron/backend/cache/directory-queries';
import { openCache, type Cache } from '../../../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../../../electron/backend/features';
import { toFtsQuery } from '../../../../electron/backend/features/catalog/fts-query';
import { getServiceDetail, listCatalog } from '../../../../electron/backend/features/catalog/queries';
import { demoChanges } from '../../catalog-fixtures';

const { migrations, model } = backendFeatures;
let dir: string;
let cache: Cache;

const apply = (changes: ChangeEntry[]) => {
  const touched = new Set<string>();
  cache.db.transaction(() => changes.forEach((c) => model.entities.apply(cache.db, c, touched)))();
  return [...touched].sort();
};
const names = (input: unknown = {}) => listCatalog(cache.db, input).rows.map((r) => r.name);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-cache-'));
  cache = openCache(join(dir, 'cache.db'), migrations);
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('search', () => {
  beforeEach(() => apply(demoChanges()));

  it('matches prefixes of every word across name, title, description, tags and team', () => {
    expect(names({ search: 'pay' })).toEqual(['ledger', 'payments-api']);
    expect(names({ search: 'bill led' })).toEqual(['ledger']);
    expect(names({ search: 'oauth' })).toEqual(['auth-gateway']);
    expect(names({ search: 'JAVA' })).toEqual(['payments-api']);
    expect(names({ search: 'search infra' })).toEqual(['search-indexer']);
  });

  it.each([
    '"',
    '*',
    'OR',
    'NEAR',
    'AND pay',
    '"pay',
    'pay*',
    '(',
    ')',
    'a:b',
    '-',
    '^',
    '💳',
    '   ',
    "'; DROP TABLE services; --",
    'NOT',
    '{}',
    '\\',
  ])('never throws on %j', (input) => {
    expect(() => listCatalog(cache.db, { search: input })).not.toThrow();
  });

  it('treats operators and punctuation as plain words', () => {
    expect(toFtsQuery('pay OR "led')).toBe('"pay"* "OR"* "led"*');
    expect(toFtsQuery('*"()')).toBeNull();
    expect(names({ search: '"pay' })).toEqual(['ledger', 'payments-api']);
    expect(names({ search: '*' })).toHaveLength(6); // nothing searchable: no filter
  });
});

describe('filters, facets and sort', () => {
  beforeEach(() => apply(demoChanges()));

  it('filters by team, tier and lifecycle and counts total vs totalAll', () => {
    const page = listCatalog(cache.db, { teamIds: ['team-a', 'team-b'], tiers: [1] });
    expect(page.rows.map((r) => r.name)).toEqual(['auth-gateway', 'payments-api']);
    expect(page.total).toBe(2);
    expect(page.totalAll).toBe(6);
    expect(names({ lifecycles: ['experimental'] })).toEqual(['ledger', 'zeta-batch']);
  });

  it("counts each facet under the search and the other facets' filters", () => {
    const page = listCatalog(cache.db, { teamIds: ['team-a'], tiers: [1, 2] });
    const count = <T>(list: { value: T; count: number }[], value: T) =>
      list.find((f) => f.value === value)?.count;
    // Teams: filtered by tier only (not by the team filter itself).
    expect(count(page.facets.teams, 'team-a')).toBe(2);
    expect(count(page.facets.teams, 'team-b')).toBe(1);
    expect(count(page.facets.teams, 'team-c')).toBe(1);
    // Tiers: filtered by team only.
    expect(page.facets.tiers.map((t) => t.count)).toEqual([1, 1, 0, 0]);
    // Lifecycles: filtered by team and tier.
    expect(Object.fromEntries(page.facets.lifecycles.map((l) => [l.value, l.count]))).toEqual({
      experimental: 1,
      production: 1,
      deprecated: 0,
    });
    // An owner team not synced yet still shows up, labelled by its id.
    const all = listCatalog(cache.db, {});
    expect(all.facets.teams.find((t) => t.value === 'team-unknown')).toEqual({
      value: 'team-unknown',
      label: 'team-unknown',
      count: 1,
    });

    const searched = listCatalog(cache.db, { search: 'billing' });
    expect(searched.facets.tiers.map((t) => t.count)).toEqual([1, 1, 0, 0]);
  });

  it.each([
    [
      'name',
      'asc',
      ['auth-gateway', 'ledger', 'payments-api', 'search-indexer', 'user-profile', 'zeta-batch'],
    ],
    [
      'title',
      'desc',
      ['zeta-batch', 'user-profile', 'search-indexer', 'payments-api', 'ledger', 'auth-gateway'],
    ],
    [
      'team',
      'asc',
      ['auth-gateway', 'user-profile', 'ledger', 'payments-api', 'search-indexer', 'zeta-batch'],
    ],
    [
      'tier',
      'asc',
      ['auth-gateway', 'payments-api', 'ledger', 'search-indexer', 'user-profile', 'zeta-batch'],
    ],
    [
      'lifecycle',
      'asc',
      ['ledger', 'zeta-batch', 'auth-gateway', 'payments-api', 'search-indexer', 'user-profile'],
    ],
    [
      'updatedAt',
      'desc',
      ['auth-gateway', 'payments-api', 'search-indexer', 'ledger', 'user-profile', 'zeta-batch'],
    ],
  ] as const)('sorts by %s %s', (column, direction, expected) => {
    expect(names({ sort: { column, direction } })).toEqual(expected);
  });

  it('returns service detail with owner team and environments in promotion order', () => {
    const detail = getServiceDetail(cache.db, 'payments-api');
    expect(detail?.ownerTeam?.name).toBe('Payments');
    expect(detail?.environments.map((e) => e.name)).toEqual(['development', 'staging', 'production']);
    expect(getServiceDetail(cache.db, 'zeta-batch')?.ownerTeam).toBeNull();
    expect(listTeams(cache.db).map((t) => t.name)).toEqual(['Identity', 'Payments', 'Search Infra']);
  });
});
