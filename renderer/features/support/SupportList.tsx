import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { SupportQuery, SupportRow } from '../../../shared/features/support/api';
import type { SupportListPage } from '../../../shared/features/support/ipc';
import { useListNavigation } from '../../components/list-navigation';
import { useLoadedWindows } from '../../components/use-loaded-windows';
import { formatRelativeTime } from '../../components/relative-time';
import { Badge, type Tone } from '../../components/ui/Badge';
import { useNow } from '../../components/use-now';
import { SUPPORT_WINDOW, supportListQuery } from './data';
import { slaDueText, slaStateText, statusHint, statusText } from './support-text';
import { useSupportStore } from './store';

/** The smallest row (one line of title); longer titles wrap and the virtualizer measures them. */
const ROW_HEIGHT = 44;
/** The sticky header's height (SupportPage.css `.support-header-row`), kept clear when scrolling to a row. */
const HEADER_HEIGHT = 32;
const COLUMNS = ['Title', 'Kind', 'Capability', 'Status', 'SLA', 'Age'] as const;

const statusTone: Record<SupportRow['status'], Tone> = {
  open: 'accent',
  answered: 'neutral',
  resolved: 'ok',
};
const slaTone = (row: SupportRow): Tone =>
  row.status === 'resolved'
    ? 'neutral'
    : row.sla.state === 'breached' || row.sla.state === 'missed'
      ? 'danger'
      : row.sla.state === 'at_risk'
        ? 'warn'
        : row.sla.state === 'on_track' || row.sla.state === 'met'
          ? 'ok'
          : 'neutral';

/**
 * The requests as a table (issue 11: headers, aligned columns, titles that wrap rather than "Depl…"),
 * virtualized and windowed (issue 12): only the visible rows are in the DOM, and they come in windows
 * of 100 asked for as they scroll into view, so the renderer never holds every request. Keyboard:
 * ↑/↓, PageUp/PageDown and Home/End move the selection (into windows not loaded yet too), Enter
 * opens the selected request. `first` is window 0, which the page already has.
 */
export function SupportList({ first }: { first: SupportListPage & { query: SupportQuery } }) {
  const selectedId = useSupportStore((s) => s.selectedId);
  const selectedIndex = useSupportStore((s) => s.selectedIndex);
  const select = useSupportStore((s) => s.select);
  const open = useSupportStore((s) => s.open);
  const now = useNow(60_000);
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = first.total;
  // The React Compiler lint flags TanStack Virtual's mutable instance; we do not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows sit below the sticky header inside the same scroll box.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();

  const { rowAt } = useLoadedWindows(first, items, SUPPORT_WINDOW, (block) =>
    supportListQuery(first.query, block),
  );

  const selectedRow = rowAt(selectedIndex);
  useEffect(() => {
    // A key moved the selection onto a row whose window was still loading: it has arrived.
    if (selectedRow && selectedRow.id !== selectedId) select(selectedRow.id, selectedIndex);
  }, [selectedRow, selectedId, selectedIndex, select]);

  const onKeyDown = useListNavigation({
    count: total,
    selectedIndex,
    rowHeight: ROW_HEIGHT,
    scrollRef,
    virtualizer,
    onSelect: (index) => select(rowAt(index)?.id ?? null, index),
    onOpen: (index) => {
      const row = rowAt(index);
      if (row) open(row.id);
    },
  });

  if (total === 0) {
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
      aria-rowcount={total + 1}
      aria-activedescendant={selectedRow ? `support-row-${selectedRow.id}` : undefined}
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
        {items.map((v) => {
          const row = rowAt(v.index);
          const style = { transform: `translateY(${v.start - HEADER_HEIGHT}px)` };
          if (!row) {
            return (
              <div
                key={`loading-${v.index}`}
                data-index={v.index}
                className="support-grid support-row loading"
                role="row"
                aria-rowindex={v.index + 2}
                aria-busy="true"
                style={style}
              />
            );
          }
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
              aria-selected={v.index === selectedIndex}
              className="support-grid support-row"
              data-testid="support-row"
              data-request-id={row.id}
              data-status={row.status}
              data-tier={row.tier}
              data-sla={escalated ? 'escalated' : row.sla.state}
              onClick={() => {
                select(row.id, v.index);
                open(row.id);
              }}
              style={style}
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
              <div role="gridcell" className="support-cell" title={statusHint[row.status]}>
                <Badge tone={statusTone[row.status]} testId="support-row-status">
                  {statusText[row.status]}
                </Badge>
              </div>
              <div role="gridcell" className="support-cell support-sla">
                <span className="support-sla-state">
                  <Badge tone={slaTone(row)}>{slaStateText(row)}</Badge>
                  {escalated && (
                    <Badge tone="danger" testId="support-row-escalated">
                      escalated
                    </Badge>
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
