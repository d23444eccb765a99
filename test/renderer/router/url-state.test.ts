import { describe, expect, it } from 'vitest';
import { catalogUrlCodec } from '../../../renderer/features/catalog/url-state';
import { defaultSort, type CatalogFilters } from '../../../renderer/features/catalog/store';
import { hashPath, hashQuery, withHashQuery } from '../../../renderer/router/url-state';

describe('a view in the hash', () => {
  it('splits the route from the view and puts them back together', () => {
    expect(hashPath('#/catalog?tier=1')).toBe('#/catalog');
    expect(hashQuery('#/catalog?tier=1&tier=2').getAll('tier')).toEqual(['1', '2']);
    expect(hashQuery('#/catalog').toString()).toBe('');
    expect(withHashQuery('#/catalog', new URLSearchParams('q=pay'))).toBe('#/catalog?q=pay');
    expect(withHashQuery('#/catalog', new URLSearchParams())).toBe('#/catalog');
  });
});

describe('the catalog’s view in its URL', () => {
  const view: CatalogFilters = {
    search: 'pay ments',
    teamIds: ['team-1', 'team-2'],
    tiers: [1, 3],
    lifecycles: ['production'],
    sort: { column: 'tier', direction: 'desc' },
  };

  it('round-trips search, filters and sort', () => {
    const params = catalogUrlCodec.toParams(view);
    expect(params.toString()).toBe(
      'q=pay+ments&team=team-1&team=team-2&tier=1&tier=3&lifecycle=production&sort=tier%3Adesc',
    );
    expect(catalogUrlCodec.fromParams(params)).toEqual(view);
  });

  it('leaves defaults out, so the plain catalog has a plain URL', () => {
    const plain: CatalogFilters = { search: '  ', teamIds: [], tiers: [], lifecycles: [], sort: defaultSort };
    expect(catalogUrlCodec.toParams(plain).toString()).toBe('');
    expect(catalogUrlCodec.fromParams(new URLSearchParams())).toEqual({});
  });

  it('ignores what it does not know instead of trusting it', () => {
    const odd = new URLSearchParams(
      'tier=9&tier=x&tier=2&tier=2&lifecycle=retired&sort=owner:asc&team=&extra=1&q=' + 'x'.repeat(500),
    );
    expect(catalogUrlCodec.fromParams(odd)).toEqual({ tiers: [2], search: 'x'.repeat(200) });
    expect(catalogUrlCodec.fromParams(new URLSearchParams('sort=name:sideways'))).toEqual({});
  });
});
