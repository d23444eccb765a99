import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { SupportRow } from '../../../shared/features/support/api';
import { useListNavigation } from '../../components/list-navigation';
import { useSupportStore } from './store';

const ROW_HEIGHT = 40;

const slaText = (row: SupportRow) => {
  const { state, remainingMs } = row.sla;
  if (state === 'none') return 'no SLA';
  if (remainingMs === null) return state === 'met' ? 'answered in time' : 'answered late';
  const minutes = Math.round(Math.abs(remainingMs) / 60_000);
  const span = minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${minutes} min`;
  return remainingMs < 0 ? `overdue ${span}` : `${span} left`;
};

const STATUS_TEXT = { open: 'open', answered: 'waiting', resolved: 'resolved' } as const;

/**
 * The requests, virtualized (only the visible rows are in the DOM, so 1,000 stay smooth). Keyboard:
 * ↑/↓, PageUp/PageDown and Home/End move the selection, Enter opens the selected request.
 */
export function SupportList({ rows }: { rows: readonly SupportRow[] }) {
  const selectedId = useSupportStore((s) => s.selectedId);
  const select = useSupportStore((s) => s.select);
  const open = useSupportStore((s) => s.open);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The React Compiler lint flags TanStack Virtual's mutable instance; we do not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
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
      role="listbox"
      aria-label="Support requests"
      aria-activedescendant={selectedId ? `support-row-${selectedId}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="support-list"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          const escalated = row.sla.escalate && row.status !== 'resolved';
          return (
            <div
              key={row.id}
              id={`support-row-${row.id}`}
              role="option"
              aria-selected={row.id === selectedId}
              className={`support-row sla-${row.sla.state}`}
              data-testid="support-row"
              data-request-id={row.id}
              data-status={row.status}
              data-tier={row.tier}
              data-sla={escalated ? 'escalated' : row.sla.state}
              onClick={() => open(row.id)}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${v.start}px)`,
              }}
            >
              <span className="support-kind">{row.kind}</span>
              <span className="support-title">{row.title}</span>
              <span className="support-team">{row.teamName ?? '—'}</span>
              <span className="support-capability">{row.capability}</span>
              <span className="support-tier">{row.tier}</span>
              <span className="support-status">{STATUS_TEXT[row.status]}</span>
              <span className="support-sla">{row.status === 'resolved' ? 'resolved' : slaText(row)}</span>
              {escalated && <span className="support-escalated">escalated</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
