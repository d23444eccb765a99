import type { KeyboardEvent, RefObject } from 'react';

/**
 * The row a key moves the selection to, or null when the key is not a navigation key.
 * From no selection (-1), any move lands on the first row.
 */
export function nextSelectionIndex(
  key: string,
  current: number,
  count: number,
  pageSize: number,
): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (index: number) => Math.max(0, Math.min(last, index));
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : clamp(current + 1);
    case 'ArrowUp':
      return current < 0 ? 0 : clamp(current - 1);
    case 'PageDown':
      return clamp(current < 0 ? pageSize : current + pageSize);
    case 'PageUp':
      return clamp(current - pageSize);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** What `useListNavigation` needs of a TanStack virtualizer. */
interface ScrollsToIndex {
  scrollToIndex(index: number, options?: { align?: 'auto' | 'start' | 'center' | 'end' }): void;
}

/**
 * Keyboard for a virtualized list (catalog, backlog, support): ↑/↓, PageUp/PageDown, Home/End move
 * the selection and keep it in view; Enter opens the selected row when the list can open one.
 * Returns the list's onKeyDown.
 */
export function useListNavigation({
  count,
  selectedIndex,
  rowHeight,
  scrollRef,
  virtualizer,
  onSelect,
  onOpen,
}: {
  count: number;
  selectedIndex: number;
  rowHeight: number;
  scrollRef: RefObject<HTMLElement | null>;
  virtualizer: ScrollsToIndex;
  onSelect(index: number): void;
  onOpen?(index: number): void;
}): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === 'Enter') {
      if (onOpen && selectedIndex >= 0) {
        event.preventDefault();
        onOpen(selectedIndex);
      }
      return;
    }
    const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const next = nextSelectionIndex(event.key, selectedIndex, count, pageSize);
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
}
