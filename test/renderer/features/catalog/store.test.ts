import { describe, expect, it } from 'vitest';
import {
  catalogCountLabel,
  defaultSort,
  hasActiveFilters,
  toCatalogQuery,
  useCatalogStore,
} from '../../../../renderer/features/catalog/store';
import {
  lifecycleOptions,
  teamOptions,
  tierOptions,
} from '../../../../renderer/features/catalog/filter-options';
import { CatalogQuery, type CatalogPage } from '../../../../shared/features/catalog/ipc';

describe('catalog store', () => {
  it('toggles filters and builds a query the contract accepts', () => {
    const store = useCatalogStore.getState();
    store.toggleTeam('t1');
    store.toggleTier(3);
    store.toggleTier(1);
    store.toggleLifecycle('production');
    store.toggleTeam('t2');
    store.toggleTeam('t1');
    store.setSort({ column: 'tier', direction: 'desc' });
    const state = useCatalogStore.getState();
    const query = toCatalogQuery(state, '  pay ');
    expect(query).toEqual({
      search: 'pay',
      teamIds: ['t2'],
      tiers: [1, 3],
      lifecycles: ['production'],
      sort: { column: 'tier', direction: 'desc' },
    });
    expect(CatalogQuery.safeParse(query).success).toBe(true);
    expect(hasActiveFilters(state)).toBe(true);
    state.clearFilters();
    const cleared = useCatalogStore.getState();
    expect(hasActiveFilters(cleared)).toBe(false);
    // Clearing filters keeps the user's sort.
    expect(cleared.sort).toEqual({ column: 'tier', direction: 'desc' });
    cleared.setSort(defaultSort);
  });

  it('treats a whitespace-only search as no filter', () => {
    expect(hasActiveFilters({ search: '   ', teamIds: [], tiers: [], lifecycles: [] })).toBe(false);
  });
});

describe('catalogCountLabel', () => {
  it('shows the total alone when nothing narrows the list', () => {
    expect(catalogCountLabel(60, 60, false)).toBe('60 services');
    expect(catalogCountLabel(1, 1, false)).toBe('1 service');
    expect(catalogCountLabel(20000, 20000, false)).toBe('20,000 services');
  });
  it('shows "N of M" when filtered', () => {
    expect(catalogCountLabel(12, 60, true)).toBe('12 of 60 services');
    expect(catalogCountLabel(60, 60, true)).toBe('60 of 60 services');
    expect(catalogCountLabel(0, 60, true)).toBe('0 of 60 services');
  });
});

const page = (facets: Partial<CatalogPage['facets']>): CatalogPage => ({
  rows: [],
  offset: 0,
  total: 0,
  totalAll: 0,
  facets: { teams: [], tiers: [], lifecycles: [], ...facets },
});

describe('filter options', () => {
  it('always lists tiers 1–4 in order with facet counts', () => {
    const options = tierOptions(page({ tiers: [{ value: 2, label: 'Tier 2', count: 7 }] }), []);
    expect(options.map((o) => [o.value, o.count])).toEqual([
      ['1', 0],
      ['2', 7],
      ['3', 0],
      ['4', 0],
    ]);
  });

  it('lists lifecycles in their natural order', () => {
    const options = lifecycleOptions(
      page({ lifecycles: [{ value: 'deprecated', label: 'Deprecated', count: 1 }] }),
      [],
    );
    expect(options.map((o) => o.value)).toEqual(['experimental', 'production', 'deprecated']);
    expect(options[2]?.count).toBe(1);
  });

  it('keeps a selected team visible when the facets no longer have it', () => {
    const options = teamOptions(
      page({ teams: [{ value: 't2', label: 'Zeta', count: 3 }] }),
      ['t1'],
      new Map([['t1', 'Alpha']]),
    );
    expect(options).toEqual([
      { value: 't1', label: 'Alpha', count: 0 },
      { value: 't2', label: 'Zeta', count: 3 },
    ]);
  });
});
