import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { CatalogSortColumn, type ServiceRow } from '../../../shared/features/catalog/ipc';
import { useListNavigation } from '../../components/list-navigation';
import { navigate } from '../../router/hash-location';
import { catalogColumns } from './catalog-columns';
import { catalogRoutes } from './routes';
import { useCatalogStore, type CatalogSort } from './store';
import './CatalogTable.css';

const ROW_HEIGHT = 40;

export const catalogGridId = 'catalog-grid';

const rowDomId = (id: string) => `service-row-${id}`;

/**
 * The service list: TanStack Table owns columns and the sorting state (sorted by the backend),
 * TanStack Virtual renders only the visible rows, so 20,000 services scroll like 20.
 */
export function CatalogTable({
  rows,
  sort,
  dimmed,
}: {
  rows: ServiceRow[];
  sort: CatalogSort;
  dimmed: boolean;
}) {
  const setSort = useCatalogStore((state) => state.setSort);
  const selectedId = useCatalogStore((state) => state.selectedId);
  const select = useCatalogStore((state) => state.select);
  const scrollRef = useRef<HTMLDivElement>(null);

  const sorting: SortingState = [{ id: sort.column, desc: sort.direction === 'desc' }];
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    const first = next[0];
    const column = CatalogSortColumn.safeParse(first?.id);
    if (first && column.success) setSort({ column: column.data, direction: first.desc ? 'desc' : 'asc' });
  };

  // The React Compiler lint flags TanStack Table's mutable instance; we do not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: catalogColumns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange,
  });

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const selectedIndex = selectedId === null ? -1 : rows.findIndex((row) => row.id === selectedId);

  // Coming back from a service page: bring the row the user opened back into view.
  const restoredRef = useRef(false);
  useEffect(() => {
    if (restoredRef.current) return;
    restoredRef.current = true;
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = useListNavigation({
    count: rows.length,
    selectedIndex,
    rowHeight: ROW_HEIGHT,
    scrollRef,
    virtualizer,
    onSelect: (index) => select(rows[index]?.id ?? null),
    onOpen: (index) => {
      const row = rows[index];
      if (row) navigate(catalogRoutes.service.href({ id: row.id }));
    },
  });

  const tableRows = table.getRowModel().rows;
  const activeRow = selectedIndex >= 0 ? rows[selectedIndex] : undefined;

  return (
    <div className={`catalog-table${dimmed ? ' dimmed' : ''}`} role="grid" aria-rowcount={rows.length + 1}>
      <div className="catalog-header" role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} className="catalog-row catalog-header-row" role="row" aria-rowindex={1}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const canSort = header.column.getCanSort();
              return (
                <div
                  key={header.id}
                  className="catalog-cell catalog-header-cell"
                  role="columnheader"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                >
                  {canSort ? (
                    <button
                      type="button"
                      className={`sort-button${sorted ? ' sorted' : ''}`}
                      onClick={header.column.getToggleSortingHandler()}
                      title={`Sort by ${String(header.column.columnDef.header)}`}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span className="sort-indicator" aria-hidden="true">
                        {sorted === 'asc' ? '↑' : sorted === 'desc' ? '↓' : ''}
                      </span>
                    </button>
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div
        id={catalogGridId}
        ref={scrollRef}
        className="catalog-body"
        role="rowgroup"
        tabIndex={0}
        aria-label="Services"
        aria-activedescendant={activeRow ? rowDomId(activeRow.id) : undefined}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // Keyboard users landing on the list get a selection to move from.
          if (event.target === event.currentTarget && selectedIndex < 0 && rows.length > 0)
            select(rows[0]?.id ?? null);
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            const service = row.original;
            const selected = service.id === selectedId;
            return (
              <div
                key={row.id}
                id={rowDomId(service.id)}
                className={`catalog-row catalog-body-row${selected ? ' selected' : ''}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-testid="service-row"
                data-service-id={service.id}
                data-service-name={service.name}
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  select(service.id);
                  navigate(catalogRoutes.service.href({ id: service.id }));
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.id} className="catalog-cell" role="gridcell">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
