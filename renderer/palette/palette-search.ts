import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import type { Href } from '../router/route-path';

/** One hit of a palette search: a title, a monospace detail and an optional tag. */
export interface PaletteHit {
  id: string;
  title: string;
  detail?: string;
  tag?: string | null;
  href: Href;
  /** Extra attributes for the row (test ids, data ids). */
  attributes?: Readonly<Record<`data-${string}`, string>>;
}

export interface PaletteHits {
  hits: readonly PaletteHit[];
  /** How many more matched than are shown. */
  more: number;
}

/**
 * A feature's search in the palette (e.g. the catalog's services): a query for the typed text,
 * read through the feature's own query so the palette shares its cache.
 */
export interface PaletteSearch {
  id: string;
  heading: string;
  query(search: string): UseQueryOptions<unknown, Error, PaletteHits, QueryKey>;
  moreLabel(more: number): string;
}

/** Types a search against its own query's data, then erases it for the feature list. */
export function paletteSearch<TData, TKey extends QueryKey>(search: {
  id: string;
  heading: string;
  query(search: string): UseQueryOptions<TData, Error, TData, TKey>;
  toHits(data: TData): PaletteHits;
  moreLabel(more: number): string;
}): PaletteSearch {
  return {
    id: search.id,
    heading: search.heading,
    moreLabel: search.moreLabel,
    query: (text) =>
      ({ ...search.query(text), select: search.toHits }) as unknown as UseQueryOptions<
        unknown,
        Error,
        PaletteHits,
        QueryKey
      >,
  };
}
