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
