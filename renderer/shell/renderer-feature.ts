import type { ComponentType } from 'react';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { QueryKeysByTable } from '../data/table-invalidation';
import type { Shortcut } from '../keyboard/shortcut';
import type { PaletteCommand } from '../palette/palette-pages';
import type { PaletteSearch } from '../palette/palette-search';
import type { PageRoute } from '../router/page-route';
import type { Href } from '../router/route-path';
import type { NavEntry } from './nav-entry';
import type { SlotContribution } from './slots';

/**
 * What a feature adds to the renderer (docs/architecture.md, "Features"): each
 * `features/<f>/index.ts` exports one of these, `renderer/features.ts` lists them, and the
 * shell, router, palette and data layer read them — the core never imports a feature.
 */
export interface RendererFeature {
  name: string;
  routes?: readonly PageRoute[];
  navEntries?: readonly NavEntry[];
  paletteCommands?: readonly PaletteCommand[];
  paletteSearches?: readonly PaletteSearch[];
  /** Which of the feature's query keys each cache table feeds (for `tables:changed`). */
  queryKeysByTable?: QueryKeysByTable;
  /** Parts for extension points other features declare (e.g. the service page's sections). */
  slots?: readonly SlotContribution[];
  /** Components that render nothing and run for the app's lifetime (e.g. notifications). */
  background?: readonly ComponentType[];
  shortcuts?: readonly Shortcut[];
  /** A first read the app waits for before it says `data-app-state="ready"`. */
  startup?: StartupQuery;
}

export interface StartupQuery {
  /** Loads it even when the app opens on another page. */
  prefetch(queryClient: QueryClient): Promise<unknown>;
  /** Ready once any query under this prefix has data. */
  queryKey: QueryKey;
}

/** Where an empty hash leads, and the not-found page's way back. */
export interface Home {
  path: string;
  href: Href;
  label: string;
}
