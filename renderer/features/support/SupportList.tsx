import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { SupportRow } from '../../../shared/features/support/api';
import { useListNavigation } from '../../components/list-navigation';
import { formatRelativeTime } from '../../components/relative-time';
import { useNow } from '../../components/use-now';
import { slaDueText, slaStateText, statusHint, statusText } from './support-text';
import { useSupportStore } from './store';

/** The smallest row (one line of title); longer titles wrap and the virtualizer measures them. */
const ROW_HEIGHT = 44;
/** The sticky header's height (SupportPage.css `.support-header-row`), kept clear when scrolling to a row. */
const HEADER_HEIGHT = 32;
const COLUMNS = ['Title', 'Kind', 'Capability', 'Status', 'SLA', 'Age'] as const;

/**
 * The requests as a table (issue 11: headers, aligned columns, titles that wrap rather than "Depl…"),
 * virtualized: only the visible rows are in the DOM, so 1,000 stay smooth. Keyboard: ↑/↓,
 * PageUp/PageDown and Home/End move the selection, Enter opens the selected request.
 */
export function SupportList({ rows }: { rows: readonly SupportRow[] }) {
  const selectedId = useSupportStore((s) => s.selectedId);
  const select = useSupportStore((s) => s.select);
  const open = useSupportStore((s) => s.open);
  const now = useNow(60_000);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The React Compiler lint flags TanStack Virtual's mutable instance; we do not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    // Rows sit below the sticky header inside the same scroll box.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 12,
  });

  const onKeyDown = useListNavigation({
    count: rows.length,
    selectedIndex: rows.findIndex((r) => r.id === selectedId),
    rowHeight: ROW_HEIGHT,
    scrollRef,
    virtualizer,
    onSelect: (index) => select(rows[index]?.id ?? null),
    onOpen: (index) => open(rows[index]?.id ?? null),
  });

  if (rows.length === 0) {
    return (
      <div className="support-list support-empty" data-testid="support-list">
        No requests match these filters.
      </div>
    );
  }
  return (
    <div
      ref={scrollRef}
      className="support-list"
      role="grid"
      aria-label="Support requests"
      aria-rowcount={rows.length + 1}
      aria-activedescendant={selectedId ? `support-row-${selectedId}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="support-list"
    >
      <div className="support-header" role="rowgroup">
        <div className="support-grid support-header-row" role="row" aria-rowindex={1}>
          {COLUMNS.map((name) => (
            <div key={name} role="columnheader" className="support-cell">
              {name}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="support-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          const escalated = row.sla.escalate && row.status !== 'resolved';
          const due = slaDueText(row);
          return (
            <div
              key={row.id}
              ref={virtualizer.measureElement}
              data-index={v.index}
              id={`support-row-${row.id}`}
              role="row"
              aria-rowindex={v.index + 2}
              aria-selected={row.id === selectedId}
              className={`support-grid support-row sla-${row.sla.state}`}
              data-testid="support-row"
              data-request-id={row.id}
              data-status={row.status}
              data-tier={row.tier}
              data-sla={escalated ? 'escalated' : row.sla.state}
              onClick={() => open(row.id)}
              style={{ transform: `translateY(${v.start - HEADER_HEIGHT}px)` }}
            >
              <div role="gridcell" className="support-cell support-title-cell">
                <span className="support-title" data-testid="support-row-title">
                  {row.title}
                </span>
                <span className="support-sub">
                  {row.teamName ?? 'no team'} · {row.tier}
                </span>
              </div>
              <div role="gridcell" className="support-cell support-muted">
                {row.kind}
              </div>
              <div role="gridcell" className="support-cell support-muted">
                {row.capability}
              </div>
              <div role="gridcell" className="support-cell">
                <span
                  className={`support-badge status-${row.status}`}
                  title={statusHint[row.status]}
                  data-testid="support-row-status"
                >
                  {statusText[row.status]}
                </span>
              </div>
              <div role="gridcell" className="support-cell support-sla">
                <span className="support-sla-state">
                  {slaStateText(row)}
                  {escalated && (
                    <span className="support-badge support-escalated" data-testid="support-row-escalated">
                      escalated
                    </span>
                  )}
                </span>
                {due && <span className="support-sub">{due}</span>}
              </div>
              <div role="gridcell" className="support-cell support-muted" title={row.createdAt}>
                {formatRelativeTime(row.createdAt, now)}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
