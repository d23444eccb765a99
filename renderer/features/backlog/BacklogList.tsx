import { formatScore } from './format-score';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { BacklogListRow } from '../../../shared/features/backlog/api';
import { neighboursForIndex } from '../../../shared/domain/fractional-rank';
import { useListNavigation } from '../../components/list-navigation';
import { useBacklogStore } from './store';

const ROW_HEIGHT = 44;

/**
 * The backlog, virtualized (TanStack Virtual: 5,000 rows render like 20). In the lead's order,
 * Alt+↑/↓ moves the selected item one place and rows can be dragged (native DnD); both become the
 * intent "move X between A and B".
 */
export function BacklogList({
  rows,
  canReorder,
  onMove,
}: {
  rows: BacklogListRow[];
  canReorder: boolean;
  onMove(id: string, afterId: string | null, beforeId: string | null): void;
}) {
  const selectedId = useBacklogStore((s) => s.selectedId);
  const select = useBacklogStore((s) => s.select);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  // The React Compiler lint flags TanStack Virtual's mutable instance; we do not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const moveTo = (id: string, index: number) => {
    const { afterId, beforeId } = neighboursForIndex(rows, id, index);
    onMove(id, afterId, beforeId);
  };

  const selectedIndex = rows.findIndex((r) => r.id === selectedId);
  const navigateList = useListNavigation({
    count: rows.length,
    selectedIndex,
    rowHeight: ROW_HEIGHT,
    scrollRef,
    virtualizer,
    onSelect: (index) => select(rows[index]?.id ?? null),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const reorder = event.key === 'ArrowDown' || event.key === 'ArrowUp';
    if (reorder && event.altKey && canReorder && selectedId && selectedIndex >= 0) {
      event.preventDefault();
      const target = selectedIndex + (event.key === 'ArrowDown' ? 1 : -1);
      if (target >= 0 && target < rows.length) moveTo(selectedId, target);
      return;
    }
    navigateList(event);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>, index: number) => {
    event.preventDefault();
    if (dragId && canReorder) moveTo(dragId, index);
    setDragId(null);
  };

  return (
    <div className="backlog-table">
      <div className="backlog-row backlog-head" aria-hidden="true" data-testid="backlog-head">
        <span className="backlog-pos">#</span>
        <span className="backlog-band">Band</span>
        <span className="backlog-title">Item — teams asking</span>
        <span className="backlog-status">Status</span>
        <span className="backlog-score">Score</span>
      </div>
      <div
        ref={scrollRef}
        className="backlog-list"
        role="listbox"
        aria-label="Backlog items"
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="backlog-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            if (!row) return null;
            return (
              <div
                key={row.id}
                role="option"
                aria-selected={row.id === selectedId}
                className="backlog-row"
                data-testid="backlog-row"
                data-id={row.id}
                draggable={canReorder}
                onDragStart={() => setDragId(row.id)}
                onDragOver={(e) => canReorder && e.preventDefault()}
                onDrop={(e) => onDrop(e, v.index)}
                onClick={() => select(row.id)}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${v.start}px)`,
                }}
              >
                <span className="backlog-pos">{v.index + 1}</span>
                <span className={`backlog-band band-${row.band}`}>{row.band}</span>
                <span className="backlog-title" data-testid="backlog-title">
                  {row.title}
                  <span className="backlog-demand">
                    {' '}
                    — {row.demandTeamIds.length} {row.demandTeamIds.length === 1 ? 'team' : 'teams'}
                  </span>
                </span>
                {row.rankManual && (
                  <span className="backlog-manual" title="Placed by hand (overrides the model order)">
                    manual
                  </span>
                )}
                <span className="backlog-status">{row.status.replace('_', ' ')}</span>
                <span className="backlog-score" title={`#${row.modelPosition} by the model`}>
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
