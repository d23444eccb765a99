import { createColumnHelper } from '@tanstack/react-table';
import type { CatalogSortColumn, ServiceRow } from '../../../shared/features/catalog/ipc';
import { formatRelativeTime } from '../../components/relative-time';

const column = createColumnHelper<ServiceRow>();

// One formatter for every row: `Date#toLocaleString` builds a new one on each call, and rows
// render again on every keystroke of a search.
const fullTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** Column ids are the backend's sort columns, so TanStack's sorting state maps 1:1 to the query. */
export const catalogColumns = [
  column.accessor('title', {
    id: 'name' satisfies CatalogSortColumn,
    header: 'Service',
    cell: ({ row }) => (
      <div className="cell-service">
        <span className="cell-title">{row.original.title}</span>
        <span className="cell-name mono">{row.original.name}</span>
      </div>
    ),
  }),
  column.accessor('ownerTeamName', {
    id: 'team' satisfies CatalogSortColumn,
    header: 'Owner',
    cell: ({ getValue }) => getValue() ?? <span className="muted">Unknown team</span>,
  }),
  column.accessor('tier', {
    id: 'tier' satisfies CatalogSortColumn,
    header: 'Tier',
    cell: ({ getValue }) => <span className={`tier tier-${getValue()}`}>T{getValue()}</span>,
  }),
  column.accessor('lifecycle', {
    id: 'lifecycle' satisfies CatalogSortColumn,
    header: 'Lifecycle',
    cell: ({ getValue }) => <span className={`pill lifecycle-${getValue()}`}>{getValue()}</span>,
  }),
  column.accessor('tags', {
    id: 'tags',
    header: 'Tags',
    enableSorting: false,
    cell: ({ getValue }) => {
      const tags = getValue();
      const shown = tags.slice(0, 3);
      return (
        <div className="cell-tags" title={tags.join(', ')}>
          {shown.map((tag) => (
            <span key={tag} className="pill">
              {tag}
            </span>
          ))}
          {tags.length > shown.length && <span className="muted">+{tags.length - shown.length}</span>}
        </div>
      );
    },
  }),
  column.accessor('updatedAt', {
    id: 'updatedAt' satisfies CatalogSortColumn,
    header: 'Updated',
    cell: ({ getValue }) => (
      <span className="muted" title={fullTime.format(new Date(getValue()))}>
        {formatRelativeTime(getValue(), Date.now())}
      </span>
    ),
  }),
];

export const sortableColumnIds: readonly string[] = ['name', 'team', 'tier', 'lifecycle', 'updatedAt'];
