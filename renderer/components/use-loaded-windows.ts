import { useCallback } from 'react';
import { useQueries, type QueryKey, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';

type Windowed = { rows: readonly unknown[] };

export interface LoadedWindows<P extends Windowed> {
  /** The row at a list index, or undefined while its window loads. */
  rowAt(index: number): P['rows'][number] | undefined;
  /** The windows after window 0 that the visible rows fall in (undefined while one loads). */
  windows: (P | undefined)[];
  /** The window `windows[0]` is. */
  firstBlock: number;
}

/**
 * The rows of a windowed list (docs/architecture.md, "Core", windowed lists): window 0 is the page
 * the list already holds; each window the visible rows fall in is its own cached query, fetched as
 * it scrolls into view. `windows` is a new array only when a window changed, so it can key a memo.
 */
export function useLoadedWindows<P extends Windowed, K extends QueryKey>(
  first: P,
  visible: readonly { index: number }[],
  windowSize: number,
  windowQuery: (block: number) => UseQueryOptions<P, Error, P, K>,
): LoadedWindows<P> {
  const blockOf = (index: number) => Math.floor(index / windowSize);
  const firstBlock = Math.max(1, visible.length ? blockOf(visible[0]?.index ?? 0) : 1);
  const lastBlock = visible.length ? blockOf(visible[visible.length - 1]?.index ?? 0) : 0;
  const blocks: number[] = [];
  for (let block = firstBlock; block <= lastBlock; block++) blocks.push(block);
  const windows = useQueries({
    queries: blocks.map((block) => ({
      ...windowQuery(block),
      // Another window's rows are not these rows: show placeholders until this one arrives.
      placeholderData: undefined,
    })),
    // A stable function: TanStack re-runs it (and hands out a new array) only when a window changed.
    combine: dataOf<P>,
  });
  // Stable while its windows are, so a memo of the visible rows can depend on it.
  const rowAt = useCallback(
    (index: number) => {
      if (index < 0) return undefined;
      const block = Math.floor(index / windowSize);
      const page = block === 0 ? first : windows[block - firstBlock];
      return page?.rows[index - block * windowSize];
    },
    [first, windows, firstBlock, windowSize],
  );
  return { rowAt, windows, firstBlock };
}

function dataOf<P>(results: UseQueryResult<P>[]): (P | undefined)[] {
  return results.map((result) => result.data);
}
