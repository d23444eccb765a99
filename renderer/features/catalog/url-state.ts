import { Lifecycle, Tier } from '../../../shared/features/catalog/api';
import { CatalogSortColumn } from '../../../shared/features/catalog/ipc';
import type { UrlCodec } from '../../router/url-state';
import { defaultSort, type CatalogFilters } from './store';

/**
 * The catalog's view in its URL: `#/catalog?q=pay&team=<id>&tier=1&lifecycle=production&sort=tier:desc`.
 * Repeated keys for lists; values the app does not know are dropped, not trusted.
 */
export const catalogUrlCodec: UrlCodec<CatalogFilters> = {
  toParams(state) {
    const params = new URLSearchParams();
    if (state.search.trim() !== '') params.set('q', state.search);
    for (const id of state.teamIds) params.append('team', id);
    for (const tier of state.tiers) params.append('tier', String(tier));
    for (const lifecycle of state.lifecycles) params.append('lifecycle', lifecycle);
    if (state.sort.column !== defaultSort.column || state.sort.direction !== defaultSort.direction) {
      params.set('sort', `${state.sort.column}:${state.sort.direction}`);
    }
    return params;
  },
  fromParams(params) {
    const view: Partial<CatalogFilters> = {};
    const q = params.get('q');
    if (q !== null) view.search = q.slice(0, 200);
    const teams = params.getAll('team').filter((id) => id.length > 0 && id.length <= 100);
    if (teams.length > 0) view.teamIds = [...new Set(teams)];
    const tiers = params.getAll('tier').flatMap((value) => {
      const tier = Tier.safeParse(Number(value));
      return tier.success ? [tier.data] : [];
    });
    if (tiers.length > 0) view.tiers = [...new Set(tiers)].sort();
    const lifecycles = params.getAll('lifecycle').flatMap((value) => {
      const lifecycle = Lifecycle.safeParse(value);
      return lifecycle.success ? [lifecycle.data] : [];
    });
    if (lifecycles.length > 0) view.lifecycles = [...new Set(lifecycles)];
    const [column, direction] = (params.get('sort') ?? '').split(':');
    const sortColumn = CatalogSortColumn.safeParse(column);
    if (sortColumn.success && (direction === 'asc' || direction === 'desc')) {
      view.sort = { column: sortColumn.data, direction };
    }
    return view;
  },
};
