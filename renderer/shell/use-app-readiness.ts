import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { toCatalogQuery, useCatalogStore } from '../catalog/catalog-store';
import { catalogListQuery } from '../data/ipc-queries';
import { queryKeys } from '../data/query-keys';
import { setAppState } from './app-state';

/** Marks the app ready once settings and a first catalog page are in the query cache. */
export function useAppReadiness(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    // The catalog is the home page: load it even when the app opens on another route.
    void queryClient.prefetchQuery(catalogListQuery(toCatalogQuery(useCatalogStore.getState(), '')));
    const cache = queryClient.getQueryCache();
    let ready = false;
    const check = () => {
      if (ready) return;
      const settings = cache.find({ queryKey: queryKeys.settings, exact: true });
      const catalogLoaded = cache
        .findAll({ queryKey: queryKeys.catalogList })
        .some((query) => query.state.data !== undefined);
      if (settings?.state.data !== undefined && catalogLoaded) {
        ready = true;
        setAppState('ready');
      } else if (settings?.state.status === 'error') {
        setAppState('error');
      }
    };
    check();
    return cache.subscribe(check);
  }, [queryClient]);
}
