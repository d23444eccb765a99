import { lazy, type ComponentType } from 'react';

/**
 * A page whose modules are evaluated on its first visit, not with the app: the first paint then
 * runs only the shell and the catalog (docs/architecture.md, "Numbers"; issue 12, "Start in a
 * second"). The renderer is one script (vite.config.ts), so the bundler keeps each such page's
 * modules in a function that import() calls; the shell shows <PageLoading /> until it resolves
 * (App.tsx's Suspense boundary).
 *
 * `load` is `() => import('./XPage').then((module) => module.XPage)`: the import() must be written
 * out in the feature so the bundler sees it.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(async () => ({ default: await load() }));
}
