import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type Row,
  type SortingState,
  type Table,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import {
  CatalogSortColumn,
  type CatalogPage,
  type CatalogQuery,
  type ServiceRow,
} from '../../../shared/features/catalog/ipc';
import { useListNavigation } from '../../components/list-navigation';
import { useLoadedWindows } from '../../components/use-loaded-windows';
import { navigate } from '../../router/hash-location';
import { catalogColumns } from './catalog-columns';
import { CATALOG_WINDOW, catalogListQuery } from './data';
import { catalogRoutes } from './routes';
import { useCatalogStore, type CatalogSort } from './store';
import './CatalogTable.css';

const ROW_HEIGHT = 40;

export const catalogGridId = 'catalog-grid';

const rowDomId = (id: string) => `service-row-${id}`;

/**
 * The service list: TanStack Table owns columns and the sorting state (sorted by the backend),
 * TanStack Virtual renders only the visible rows, and the rows come in windows of 100 asked for
 * as they scroll into view (docs/architecture.md, "Core"): the renderer never holds the whole
 * catalog, so 100,000 services scroll like 20. `first` is window 0, which the page already has.
 */
export function CatalogTable({
  first,
  sort,
  dimmed,
}: {
  first: CatalogPage & { query: CatalogQuery };
  sort: CatalogSort;
  dimmed: boolean;
}) {
  const setSort = useCatalogStore((state) => state.setSort);
  const selectedId = useCatalogStore((state) => state.selectedId);
  const storedIndex = useCatalogStore((state) => state.selectedIndex);
  const select = useCatalogStore((state) => state.select);
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = first.total;

  const sorting: SortingState = [{ id: sort.column, desc: sort.direction === 'desc' }];
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    const head = next[0];
    const column = CatalogSortColumn.safeParse(head?.id);
    if (head && column.success) setSort({ column: column.data, direction: head.desc ? 'desc' : 'asc' });
  };

  // The React Compiler lint flags TanStack's mutable instances; we do not memoize around them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the fold: every keystroke that changes the results rebuilds them all.
    overscan: 5,
  });
  const items = virtualizer.getVirtualItems();

  const { rowAt } = useLoadedWindows(first, items, CATALOG_WINDOW, (block) =>
    catalogListQuery(first.query, block),
  );
  // TanStack Table needs a stable `data` (a new array on every render re-renders forever): the
  // visible rows, a new array only when the range on screen or a window changes. (Keeping the
  // previous array with a state update during render rendered the table twice per keystroke.)
  const visibleRows = useMemo(
    () =>
      items.flatMap((item) => {
        const row = rowAt(item.index);
        return row ? [row] : [];
      }),
    [items, rowAt],
  );

  const table = useReactTable({
    data: visibleRows,
    columns: catalogColumns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    // No pagination here (the virtualizer is the pager): TanStack would otherwise reset its page
    // index whenever the rows change, a state update that renders the table once more per keystroke.
    autoResetPageIndex: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange,
  });

  // The selection is a position (kept in the store) and the id of the row there once it is loaded.
  const selectedIndex =
    selectedId === null
      ? storedIndex
      : rowAt(storedIndex)?.id === selectedId || rowAt(storedIndex) === undefined
        ? storedIndex
        : (items.find((item) => rowAt(item.index)?.id === selectedId)?.index ?? -1);
  const selectedRow = rowAt(selectedIndex);
  useEffect(() => {
    // A key moved the selection onto a row whose window was still loading: it has arrived.
    if (selectedRow && selectedId === null) select(selectedRow.id, selectedIndex);
  }, [selectedRow, selectedId, selectedIndex, select]);

  // Coming back from a service page: bring the row the user opened back into view.
  const restoredRef = useRef(false);
  useEffect(() => {
    if (restoredRef.current) return;
    restoredRef.current = true;
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = useListNavigation({
    count: total,
    selectedIndex,
    rowHeight: ROW_HEIGHT,
    scrollRef,
    virtualizer,
    onSelect: (index) => select(rowAt(index)?.id ?? null, index),
    onOpen: (index) => {
      const row = rowAt(index);
      if (row) navigate(catalogRoutes.service.href({ id: row.id }));
    },
  });

  const activeRow = selectedRow;
  // Stable across renders, so memoized rows stay skipped.
  const openRow = useCallback(
    (service: ServiceRow, index: number) => {
      select(service.id, index);
      navigate(catalogRoutes.service.href({ id: service.id }));
    },
    [select],
  );

  return (
    <div
      className={`catalog-table${dimmed ? ' dimmed' : ''}`}
      role="grid"
      aria-rowcount={total + 1}
      data-testid="catalog-table"
      // Which search the shown rows answer, and whether they are the previous query's: what a
      // test or benchmark waits for after typing.
      data-search={first.query.search ?? ''}
      data-placeholder={dimmed ? 'true' : 'false'}
    >
      <CatalogHeader table={table} sort={sort} />
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
          if (event.target === event.currentTarget && selectedIndex < 0 && total > 0)
            select(rowAt(0)?.id ?? null, 0);
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const service = rowAt(item.index);
            const row = service ? table.getRow(service.id, true) : undefined;
            // Keyed by position: a new search patches the rows on screen in place instead of
            // tearing them down and building new ones, and an unchanged row is skipped (memo).
            return (
              <CatalogBodyRow
                key={item.index}
                row={row}
                index={item.index}
                start={item.start}
                size={item.size}
                selected={service !== undefined && service.id === selectedId}
                onOpen={openRow}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * The column headers. Memoized on the sort: a keystroke re-renders the table around them, and
 * TanStack's header cells are work that only a new sort changes.
 */
const CatalogHeader = memo(function CatalogHeader({
  table,
}: {
  table: Table<ServiceRow>;
  // Only here so that a new sort re-renders the headers (the table instance itself is stable).
  sort: CatalogSort;
}) {
  return (
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
  );
});

/**
 * One body row, or its loading placeholder while its window is on the way. TanStack Table keeps
 * a row object as long as its data is the same, so a re-render of the table (the previous
 * search's rows dimmed while the next loads, a selection moving) skips the rows it did not change.
 */
const CatalogBodyRow = memo(function CatalogBodyRow({
  row,
  index,
  start,
  size,
  selected,
  onOpen,
}: {
  row: Row<ServiceRow> | undefined;
  index: number;
  start: number;
  size: number;
  selected: boolean;
  onOpen: (service: ServiceRow, index: number) => void;
}) {
  const style = { height: size, transform: `translateY(${start}px)` };
  if (!row) {
    return (
      <div
        className="catalog-row catalog-body-row loading"
        role="row"
        aria-rowindex={index + 2}
        aria-busy="true"
        style={style}
      />
    );
  }
  const service = row.original;
  return (
    <div
      id={rowDomId(service.id)}
      className={`catalog-row catalog-body-row${selected ? ' selected' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="service-row"
      data-service-id={service.id}
      data-service-name={service.name}
      style={style}
      onClick={() => onOpen(service, index)}
    >
      {row.getVisibleCells().map((cell) => (
        <div key={cell.column.id} className="catalog-cell" role="gridcell">
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
});
