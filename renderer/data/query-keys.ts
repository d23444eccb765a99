/**
 * The react-query keys of the core's own reads (settings, sync status, outbox, teams). Features
 * keep theirs in their `data.ts` and say which cache tables feed them (`queryKeysByTable`).
 */
export const queryKeys = {
  teams: ['teams'] as const,
  settings: ['settings'] as const,
  syncStatus: ['sync', 'status'] as const,
  outbox: ['outbox'] as const,
};
