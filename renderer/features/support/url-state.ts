import {
  SupportSlaFilter,
  SupportSortColumn,
  SupportStatus,
  SupportTier,
} from '../../../shared/features/support/api';
import { Capability } from '../../../shared/features/backlog/api';
import type { UrlCodec } from '../../router/url-state';
import { noFilters, type SupportFilters } from './store';

/** The part of the support store the URL mirrors. */
export type SupportView = { filters: SupportFilters };

/**
 * The support list's view in its URL: `#/support?q=replica&status=open&tier=direct&sla=breached&capability=secrets&sort=slaDue:asc`
 * (docs/architecture.md, "Features"). Defaults are left out; values the app does not know are
 * dropped, never trusted. A view read from the URL replaces the whole filter set, so a shared link
 * shows exactly what its sender saw.
 */
export const supportUrlCodec: UrlCodec<SupportView> = {
  toParams({ filters }) {
    const params = new URLSearchParams();
    if (filters.search.trim() !== '') params.set('q', filters.search);
    if (filters.status) params.set('status', filters.status);
    if (filters.tier) params.set('tier', filters.tier);
    if (filters.sla) params.set('sla', filters.sla);
    if (filters.capability) params.set('capability', filters.capability);
    const { column, direction } = filters.sort;
    if (column !== noFilters.sort.column || direction !== noFilters.sort.direction) {
      params.set('sort', `${column}:${direction}`);
    }
    return params;
  },
  fromParams(params) {
    const filters: SupportFilters = { ...noFilters };
    let any = false;
    const q = params.get('q');
    if (q !== null && q.trim() !== '') {
      filters.search = q.slice(0, 200);
      any = true;
    }
    const pick = <T>(key: string, parse: (value: string) => { success: boolean; data?: T }): T | null => {
      const value = params.get(key);
      if (value === null) return null;
      const parsed = parse(value);
      return parsed.success ? (parsed.data as T) : null;
    };
    const status = pick('status', (v) => SupportStatus.safeParse(v));
    const tier = pick('tier', (v) => SupportTier.safeParse(v));
    const sla = pick('sla', (v) => SupportSlaFilter.safeParse(v));
    const capability = pick('capability', (v) => Capability.safeParse(v));
    if (status) filters.status = status;
    if (tier) filters.tier = tier;
    if (sla) filters.sla = sla;
    if (capability) filters.capability = capability;
    any ||= Boolean(status || tier || sla || capability);
    const [column, direction] = (params.get('sort') ?? '').split(':');
    const sortColumn = SupportSortColumn.safeParse(column);
    if (sortColumn.success && (direction === 'asc' || direction === 'desc')) {
      filters.sort = { column: sortColumn.data, direction };
      any = true;
    }
    return any ? { filters } : {};
  },
};
