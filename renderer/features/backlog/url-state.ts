import { BacklogSortColumn, BacklogStatus, PriorityModelName } from '../../../shared/features/backlog/api';
import type { UrlCodec } from '../../router/url-state';
import { defaultBacklogView, type BacklogView } from './store';

/** What of the backlog's state the URL carries: the view and the open item. */
export type BacklogUrlView = { query: BacklogView; selectedId: string | null; revealId: string | null };

const ID_MAX = 100;

/**
 * The backlog's view in its URL: `#/backlog?q=ci&status=planned&model=rice&sort=score:desc&item=<id>`.
 * Defaults are left out; values the app does not know are dropped, not trusted. An item named in
 * the URL is also revealed (scrolled to), since whoever shared the link meant that row.
 */
export const backlogUrlCodec: UrlCodec<BacklogUrlView> = {
  toParams({ query, selectedId }) {
    const params = new URLSearchParams();
    if (query.search.trim() !== '') params.set('q', query.search);
    for (const status of query.statuses) params.append('status', status);
    if (query.model !== defaultBacklogView.model) params.set('model', query.model);
    const { column, direction } = query.sort;
    if (column !== defaultBacklogView.sort.column || direction !== defaultBacklogView.sort.direction) {
      params.set('sort', `${column}:${direction}`);
    }
    if (selectedId) params.set('item', selectedId);
    return params;
  },
  fromParams(params) {
    const view: Partial<BacklogUrlView> = {};
    const query: BacklogView = { ...defaultBacklogView };
    let named = false;
    const q = params.get('q');
    if (q !== null) {
      query.search = q.slice(0, 200);
      named = true;
    }
    const statuses = params.getAll('status').flatMap((value) => {
      const status = BacklogStatus.safeParse(value);
      return status.success ? [status.data] : [];
    });
    if (statuses.length > 0) {
      query.statuses = [...new Set(statuses)];
      named = true;
    }
    const model = PriorityModelName.safeParse(params.get('model'));
    if (model.success) {
      query.model = model.data;
      named = true;
    }
    const [column, direction] = (params.get('sort') ?? '').split(':');
    const sortColumn = BacklogSortColumn.safeParse(column);
    if (sortColumn.success && (direction === 'asc' || direction === 'desc')) {
      query.sort = { column: sortColumn.data, direction };
      named = true;
    }
    const item = params.get('item');
    if (item && item.length <= ID_MAX) {
      view.selectedId = item;
      view.revealId = item;
      named = true;
    }
    // The URL names the whole view: what it leaves out is the default, not what was there before.
    if (named) view.query = query;
    return view;
  },
};
