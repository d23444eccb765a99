import { paletteSearch } from '../../palette/palette-search';
import { catalogListQuery } from './data';
import { catalogRoutes } from './routes';

const MAX_SERVICES = 12;

/** The palette's service search: the catalog's own query, so both share one cache. */
export const serviceSearch = paletteSearch({
  id: 'service',
  heading: 'Services',
  query: (search) => catalogListQuery({ search, sort: { column: 'name', direction: 'asc' } }),
  toHits: (page) => {
    const rows = page.rows.slice(0, MAX_SERVICES);
    return {
      hits: rows.map((row) => ({
        id: row.id,
        title: row.title,
        detail: row.name,
        tag: row.ownerTeamName,
        href: catalogRoutes.service.href({ id: row.id }),
        attributes: { 'data-testid': 'command-service', 'data-service-id': row.id },
      })),
      more: Math.max(0, page.total - rows.length),
    };
  },
  moreLabel: (more) => `${more.toLocaleString('en-US')} more — refine the search, or search in the catalog.`,
});
