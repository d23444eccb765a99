import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../data/query-keys';
import { setAppState } from './app-state';
import type { StartupQuery } from './renderer-feature';

/** Marks the app ready once settings and every feature's first read (the catalog's first page) are cached. */
export function useAppReadiness(startup: readonly StartupQuery[]): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    // The home page's data loads even when the app opens on another route.
    for (const query of startup) void query.prefetch(queryClient);
    const cache = queryClient.getQueryCache();
    let ready = false;
    const check = () => {
      if (ready) return;
      const settings = cache.find({ queryKey: queryKeys.settings, exact: true });
      const loaded = startup.every((query) =>
        cache.findAll({ queryKey: query.queryKey }).some((found) => found.state.data !== undefined),
      );
      if (settings?.state.data !== undefined && loaded) {
        ready = true;
        setAppState('ready');
      } else if (settings?.state.status === 'error') {
        setAppState('error');
      }
    };
    check();
    return cache.subscribe(check);
  }, [queryClient, startup]);
}
