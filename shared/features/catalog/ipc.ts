import { z } from 'zod';
import { text } from '../../api/text';
import { Team } from '../../api/directory';
import { Enqueued } from '../../ipc/contract';
import { Environment, Lifecycle, Service, ServiceLink, ServiceUpdateArgs, Tier } from './api';

/** The catalog's IPC commands: reads from the cache, edits queued offline-first. */

export const CatalogSortColumn = z.enum(['name', 'title', 'team', 'tier', 'lifecycle', 'updatedAt']);
export type CatalogSortColumn = z.infer<typeof CatalogSortColumn>;

export const CatalogQuery = z.object({
  /** Full-text over name, title, description, tags and owner team (FTS5 prefix match). */
  search: text().max(200).default(''),
  teamIds: z.array(text()).max(500).default([]),
  tiers: z.array(Tier).max(4).default([]),
  lifecycles: z.array(Lifecycle).max(3).default([]),
  sort: z
    .object({ column: CatalogSortColumn, direction: z.enum(['asc', 'desc']) })
    .default({ column: 'name', direction: 'asc' }),
  /**
   * The window of matching rows to return, in sort order: the virtualized table asks only for
   * the rows it shows, so no answer grows with the size of the organization.
   */
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(200),
});
export type CatalogQuery = z.input<typeof CatalogQuery>;

export const ServiceRow = z.object({
  id: text(),
  name: text(),
  title: text(),
  description: text(),
  ownerTeamId: text(),
  ownerTeamName: text().nullable(),
  tier: Tier,
  lifecycle: Lifecycle,
  tags: z.array(text()),
  updatedAt: text(),
});
export type ServiceRow = z.infer<typeof ServiceRow>;

const FacetCount = <T extends z.ZodType>(value: T) =>
  z.object({ value, label: text(), count: z.number().int() });

export const CatalogPage = z.object({
  /** The window asked for: matching rows `offset` … `offset + rows.length - 1`, in sort order. */
  rows: z.array(ServiceRow),
  offset: z.number().int(),
  /** Rows matching the query. */
  total: z.number().int(),
  /** Every service in the cache, to show "12 of 60". */
  totalAll: z.number().int(),
  /** Counts per facet value among rows matching the search (not the facet's own filter). */
  facets: z.object({
    teams: z.array(FacetCount(text())),
    tiers: z.array(FacetCount(Tier)),
    lifecycles: z.array(FacetCount(Lifecycle)),
  }),
});
export type CatalogPage = z.infer<typeof CatalogPage>;

export const ServiceDetail = Service.extend({
  ownerTeam: Team.nullable(),
  environments: z.array(Environment),
  links: z.array(ServiceLink),
});
export type ServiceDetail = z.infer<typeof ServiceDetail>;

export const catalogCommands = {
  'catalog:list': { input: CatalogQuery, output: CatalogPage },
  'catalog:get': { input: z.object({ id: text().min(1).max(100) }), output: ServiceDetail.nullable() },
  /** Edits a service's catalog entry offline-first: shown at once, pushed as `service.update`. */
  'services:update': { input: ServiceUpdateArgs, output: Enqueued },
} as const;
