import { OperationKind, OperationStatus } from '../../../shared/features/operations/api';
import type { UrlCodec } from '../../router/url-state';
import { noOperationsFilters, type OperationsFilters } from './store';

/** The part of the operations store the URL mirrors. */
export type OperationsView = { filters: OperationsFilters };

/**
 * The operations list's view in its URL: `#/operations?status=failed&kind=service.deploy&sort=created:asc`
 * (docs/architecture.md, "Features"). Defaults are left out; unknown values are dropped, never
 * trusted; a view from the URL replaces the whole filter set.
 */
export const operationsUrlCodec: UrlCodec<OperationsView> = {
  toParams({ filters }) {
    const params = new URLSearchParams();
    if (filters.status) params.set('status', filters.status);
    if (filters.kind) params.set('kind', filters.kind);
    if (filters.sort.direction !== noOperationsFilters.sort.direction) {
      params.set('sort', `${filters.sort.column}:${filters.sort.direction}`);
    }
    return params;
  },
  fromParams(params) {
    const filters: OperationsFilters = { ...noOperationsFilters };
    const status = OperationStatus.safeParse(params.get('status'));
    const kind = OperationKind.safeParse(params.get('kind'));
    if (status.success) filters.status = status.data;
    if (kind.success) filters.kind = kind.data;
    const sort = params.get('sort');
    const sorted = sort === 'created:asc' || sort === 'created:desc';
    if (sorted) filters.sort = { column: 'created', direction: sort === 'created:asc' ? 'asc' : 'desc' };
    return status.success || kind.success || sorted ? { filters } : {};
  },
};
