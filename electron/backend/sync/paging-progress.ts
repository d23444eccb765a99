import { PlatformError } from '../platform/platform-error';

/**
 * Empty pages in a row (each with a new cursor) accepted while the server says more follow. A
 * change feed scoped to what the user may read can legitimately skip a stretch it filtered out,
 * but not for ever: 100 pages is 100 × the page limit of changes the user may not see.
 */
export const MAX_EMPTY_PAGES = 100;

interface PageShape {
  changes: readonly unknown[];
  cursor: string;
  hasMore: boolean;
}

/**
 * Guards one pull's paging against a platform that says `hasMore` without moving forward
 * (docs/architecture.md, "Sync and push"): the same cursor back, or empty pages without end.
 * Such a pull stops with an error the status bar shows, and the engine backs off as for any
 * failure, instead of asking again at full speed for ever.
 */
export function createPagingProgress(maxEmptyPages = MAX_EMPTY_PAGES) {
  let emptyPages = 0;
  return {
    /** Throws when `page`, asked for with `requestedCursor`, says more follow but brought nothing new. */
    check(requestedCursor: string | null, page: PageShape): void {
      if (!page.hasMore) return;
      if (page.cursor === requestedCursor) {
        throw new PlatformError(
          'invalid_response',
          'the platform says more changes follow but gave back the same cursor, so paging would never end; sync stopped and will retry later',
        );
      }
      emptyPages = page.changes.length === 0 ? emptyPages + 1 : 0;
      if (emptyPages > maxEmptyPages) {
        throw new PlatformError(
          'invalid_response',
          `the platform sent ${emptyPages} empty pages in a row while saying more changes follow; sync stopped and will retry later`,
        );
      }
    },
  };
}
