import { QueryClient } from '@tanstack/react-query';

/**
 * Backend data changes only when the backend says so (`tables:changed`), so queries never go
 * stale by time and never refetch on focus: the event map is the single refresh path.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        // The backend is local: an error is an answer, not a flaky network. Retry once only.
        retry: 1,
      },
    },
  });
}
