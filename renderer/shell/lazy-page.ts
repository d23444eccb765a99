import { lazy, type ComponentType } from 'react';

/**
 * A page whose code loads on its first visit, not with the app: the first paint then needs only
 * the shell and the catalog (docs/architecture.md, "Numbers"; issue 12, "Start in a second").
 * The shell shows <PageLoading /> while the chunk arrives (App.tsx's Suspense boundary).
 *
 * `load` is `() => import('./XPage').then((module) => module.XPage)`: the import() must be written
 * out in the feature so the bundler sees it and makes the chunk.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(async () => ({ default: await load() }));
}
