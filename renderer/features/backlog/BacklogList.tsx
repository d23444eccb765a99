import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { BacklogListRow, BacklogQuery, BacklogStatus } from '../../../shared/features/backlog/api';
import type { BacklogListPage } from '../../../shared/features/backlog/ipc';
import { Badge, type Tone } from '../../components/ui/Badge';
import { useListNavigation } from '../../components/list-navigation';
import { useLoadedWindows } from '../../components/use-loaded-windows';
import { BACKLOG_WINDOW, backlogLocateQuery, backlogWindowQuery } from './data';
import { formatScore } from './format-score';
import { moveNeighbours, type Neighbours } from './move-neighbours';
import { useBacklogStore, type BacklogView } from './store';

// The height of a one-line row; rows whose title wraps are measured and grow.
const ROW_HEIGHT = 44;

type Sort = BacklogView['sort'];

const BAND_TONE: Record<BacklogListRow['band'], Tone> = { P1: 'danger', P2: 'warn', P3: 'neutral' };
export const STATUS_TONE: Record<BacklogStatus, Tone> = {
  proposed: 'neutral',
  planned: 'warn',
  in_progress: 'accent',
  done: 'ok',
  declined: 'neutral',
};
export const statusLabel = (status: BacklogStatus) => status.replace('_', ' ');

/** The sortable columns and the direction a first click sorts them in (most useful first). */
const COLUMNS: readonly {
  key: string;
  label: string;
  sort?: { column: Sort['column']; first: Sort['direction'] };
  numeric?: boolean;
}[] = [
  { key: 'pos', label: '#', sort: { column: 'rank', first: 'asc' }, numeric: true },
  { key: 'band', label: 'Band' },
  { key: 'title', label: 'Item', sort: { column: 'title', first: 'asc' } },
  { key: 'teams', label: 'Teams', sort: { column: 'demand', first: 'desc' }, numeric: true },
  { key: 'status', label: 'Status', sort: { column: 'status', first: 'asc' } },
  { key: 'score', label: 'Score', sort: { column: 'score', first: 'desc' }, numeric: true },
];

/**
 * The backlog as a table with sortable column headers and titles that wrap rather than cut,
 * virtualized (TanStack Virtual) and windowed (issue 12): only the visible rows are in the DOM, and
 * they come in windows of 100 asked for as they scroll into view, so no answer grows with the
 * backlog. `first` is window 0, which the page already has. In the lead's order, Alt+↑/↓ moves the
 * selected item one place and rows can be dragged (native DnD); both become the intent "move X
 * between A and B", sent with where it was so the move can be undone.
 */
export function BacklogList({
  first,
  canReorder,
  sort,
  onSort,
  onMove,
}: {
  first: BacklogListPage & { query: BacklogQuery };
  canReorder: boolean;
  sort: Sort;
  onSort(sort: Sort): void;
  onMove(row: BacklogListRow, to: Neighbours, from: Neighbours): void;
}) {
  const selectedId = useBacklogStore((s) => s.selectedId);
  const revealId = useBacklogStore((s) => s.revealId);
  const select = useBacklogStore((s) => s.select);
  const revealed = useBacklogStore((s) => s.revealed);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [dragIndex, setDragIndex] = useState<number | null>(null);
  const total = first.total;
  // The React Compiler lint flags TanStack Virtual's mutable instance; we do not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();

  const { rowAt, windows, firstBlock } = useLoadedWindows(first, items, BACKLOG_WINDOW, (block) =>
    backlogWindowQuery(first.query, block),
  );
  const loadedIndexOf = (id: string | null): number => {
    if (!id) return -1;
    const at = first.rows.findIndex((r) => r.id === id);
    if (at >= 0) return at;
    for (const [i, window] of windows.entries()) {
      const inWindow = window?.rows.findIndex((r) => r.id === id) ?? -1;
      if (inWindow >= 0) return (firstBlock + i) * BACKLOG_WINDOW + inWindow;
    }
    return -1;
  };

  const moveTo = (from: number, to: number) => {
    const row = rowAt(from);
    if (!row || to < 0 || to >= total || to === from) return;
    const { to: target, from: previous } = moveNeighbours((index) => rowAt(index)?.id ?? null, from, to);
    onMove(row, target, previous);
  };

  const selectedIndex = loadedIndexOf(selectedId);
  const navigateList = useListNavigation({
    count: total,
    selectedIndex,
    rowHeight: ROW_HEIGHT,
    scrollRef,
    virtualizer,
    onSelect: (index) => select(rowAt(index)?.id ?? null),
  });

  // A row selected from elsewhere (a roadmap card, a shared link) is scrolled into view: the
  // backend says where it sits in this order, wherever that is (its window may not be loaded).
  const located = useQuery({
    ...backlogLocateQuery(first.query, revealId ?? ''),
    enabled: revealId !== null,
  });
  useEffect(() => {
    if (revealId === null || located.data === undefined || located.isPlaceholderData) return;
    if (located.data !== null) virtualizer.scrollToIndex(located.data, { align: 'center' });
    revealed();
  }, [revealId, located.data, located.isPlaceholderData, virtualizer, revealed]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const reorder = event.key === 'ArrowDown' || event.key === 'ArrowUp';
    if (reorder && event.altKey && canReorder && selectedIndex >= 0) {
      event.preventDefault();
      moveTo(selectedIndex, selectedIndex + (event.key === 'ArrowDown' ? 1 : -1));
      return;
    }
    navigateList(event);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>, index: number) => {
    event.preventDefault();
    if (dragIndex !== null && canReorder) moveTo(dragIndex, index);
    setDragIndex(null);
  };

  return (
    <div
      className="backlog-table"
      role="grid"
      aria-label="Backlog items"
      aria-rowcount={total + 1}
      aria-multiselectable="false"
    >
      <div className="backlog-row backlog-head" role="row" aria-rowindex={1} data-testid="backlog-head">
        {COLUMNS.map((column) => {
          const sorted = column.sort && sort.column === column.sort.column ? sort.direction : null;
          return (
            <div
              key={column.key}
              role="columnheader"
              className={`backlog-cell backlog-${column.key}`}
              data-align={column.numeric ? 'end' : 'start'}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
            >
              {column.sort ? (
                <button
                  type="button"
                  className="backlog-sort"
                  onClick={() => {
                    const next = sorted ? (sorted === 'asc' ? 'desc' : 'asc') : column.sort!.first;
                    onSort({ column: column.sort!.column, direction: next });
                  }}
                >
                  {column.label}
                  <span className="backlog-sort-mark" aria-hidden="true">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
              ) : (
                column.label
              )}
            </div>
          );
        })}
      </div>
      <div
        ref={scrollRef}
        className="backlog-list"
        role="rowgroup"
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="backlog-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const row = rowAt(v.index);
            if (!row) {
              return (
                <div
                  key={`loading-${v.index}`}
                  ref={virtualizer.measureElement}
                  data-index={v.index}
                  role="row"
                  aria-rowindex={v.index + 2}
                  aria-busy="true"
                  className="backlog-row backlog-row-loading"
                  style={{ transform: `translateY(${v.start}px)` }}
                >
                  <span role="gridcell" className="backlog-cell backlog-pos" data-align="end">
                    {v.index + 1}
                  </span>
                  <span role="gridcell" className="backlog-cell backlog-title">
                    Loading…
                  </span>
                </div>
              );
            }
            const teams = row.demandTeamIds.length;
            return (
              <div
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={v.index}
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={row.id === selectedId}
                className="backlog-row"
                data-testid="backlog-row"
                data-id={row.id}
                draggable={canReorder}
                onDragStart={() => setDragIndex(v.index)}
                onDragOver={(e) => canReorder && e.preventDefault()}
                onDrop={(e) => onDrop(e, v.index)}
                onClick={() => select(row.id)}
                style={{ transform: `translateY(${v.start}px)` }}
              >
                <span role="gridcell" className="backlog-cell backlog-pos" data-align="end">
                  {v.index + 1}
                </span>
                <span role="gridcell" className="backlog-cell backlog-band">
                  <Badge tone={BAND_TONE[row.band]}>{row.band}</Badge>
                </span>
                <span role="gridcell" className="backlog-cell backlog-title" data-testid="backlog-title">
                  {row.title}
                  {row.rankManual && (
                    <span className="backlog-manual" title="Placed by hand (overrides the model order)">
                      <Badge tone="accent">manual</Badge>
                    </span>
                  )}
                </span>
                <span
                  role="gridcell"
                  className="backlog-cell backlog-teams"
                  data-align="end"
                  title={`${teams} ${teams === 1 ? 'team' : 'teams'} asking`}
                >
                  {teams}
                </span>
                <span role="gridcell" className="backlog-cell backlog-status">
                  <Badge tone={STATUS_TONE[row.status]}>{statusLabel(row.status)}</Badge>
                </span>
                <span
                  role="gridcell"
                  className="backlog-cell backlog-score"
                  data-align="end"
                  title={`#${row.modelPosition} by the model`}
                >
                  {formatScore(row.score)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
