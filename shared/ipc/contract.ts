import { z } from 'zod';
import { Environment, Lifecycle, Org, Service, ServiceLink, Team, Tier, User } from '../api/catalog';
import { ServiceUpdateArgs } from '../api/push';

/**
 * The one IPC contract between the renderer and the desktop backend: command `domain:verb` →
 * zod input schema and zod output schema. Electron IPC (preload + main) and browser mode
 * (electron/web) both serve exactly this map.
 */

export const CatalogSortColumn = z.enum(['name', 'title', 'team', 'tier', 'lifecycle', 'updatedAt']);
export type CatalogSortColumn = z.infer<typeof CatalogSortColumn>;

export const CatalogQuery = z.object({
  /** Full-text over name, title, description, tags and owner team (FTS5 prefix match). */
  search: z.string().max(200).default(''),
  teamIds: z.array(z.string()).max(500).default([]),
  tiers: z.array(Tier).max(4).default([]),
  lifecycles: z.array(Lifecycle).max(3).default([]),
  sort: z
    .object({ column: CatalogSortColumn, direction: z.enum(['asc', 'desc']) })
    .default({ column: 'name', direction: 'asc' }),
});
export type CatalogQuery = z.input<typeof CatalogQuery>;

export const ServiceRow = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  ownerTeamId: z.string(),
  ownerTeamName: z.string().nullable(),
  tier: Tier,
  lifecycle: Lifecycle,
  tags: z.array(z.string()),
  updatedAt: z.string(),
});
export type ServiceRow = z.infer<typeof ServiceRow>;

const FacetCount = <T extends z.ZodType>(value: T) =>
  z.object({ value, label: z.string(), count: z.number().int() });

export const CatalogPage = z.object({
  rows: z.array(ServiceRow),
  /** Rows matching the query. */
  total: z.number().int(),
  /** Every service in the cache, to show "12 of 60". */
  totalAll: z.number().int(),
  /** Counts per facet value among rows matching the search (not the facet's own filter). */
  facets: z.object({
    teams: z.array(FacetCount(z.string())),
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

export const SyncState = z.enum(['starting', 'syncing', 'online', 'offline']);
export type SyncState = z.infer<typeof SyncState>;

export const IpcErrorShape = z.object({ code: z.string(), message: z.string() });
export type IpcErrorShape = z.infer<typeof IpcErrorShape>;

export const SyncStatus = z.object({
  state: SyncState,
  /** ISO time of the last successful pull, null before the first one. */
  lastSyncedAt: z.string().nullable(),
  pendingChanges: z.number().int(),
  /** Why the last attempt failed, shown in the status bar tooltip while offline. */
  lastError: IpcErrorShape.nullable(),
  /** ISO time of the next retry while offline. */
  nextRetryAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const PlatformMode = z.enum(['embedded', 'remote']);

export const Settings = z.object({
  mode: PlatformMode,
  /** Null while the embedded platform is still starting. */
  platformUrl: z.string().nullable(),
  org: Org.nullable(),
  user: User.nullable(),
});
export type Settings = z.infer<typeof Settings>;

const Empty = z.object({}).strict().default({});

/** One entry of the outbox panel: a change not yet accepted by the platform. */
export const OutboxItem = z.object({
  mutationId: z.number().int().positive(),
  name: z.string(),
  /** Human summary, e.g. "Edit Payments API: title, tier". */
  summary: z.string(),
  createdAt: z.string(),
  status: z.enum(['pending', 'needs_confirmation', 'rejected']),
  /** Why the platform rejected it, or why it waits (expired). */
  reason: IpcErrorShape.nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

/** What enqueuing a change answers: its outbox id (the change is already visible locally). */
export const Enqueued = z.object({ mutationId: z.number().int().positive() });
const MutationRef = z.object({ mutationId: z.number().int().positive() });

export const ipcCommands = {
  'catalog:list': { input: CatalogQuery, output: CatalogPage },
  'catalog:get': { input: z.object({ id: z.string().min(1).max(100) }), output: ServiceDetail.nullable() },
  'teams:list': { input: Empty, output: z.array(Team) },
  'sync:status': { input: Empty, output: SyncStatus },
  /** Pull now; resolves when the pull finished or failed (state says which). */
  'sync:now': { input: Empty, output: SyncStatus },
  'settings:get': { input: Empty, output: Settings },
  /** Validates URL + token with a call to the platform before saving; then resyncs. */
  'settings:setPlatform': {
    input: z.object({
      url: z.url({ protocol: /^https?$/ }),
      token: z.string().min(10).max(500),
    }),
    output: Settings,
  },
  'settings:useEmbedded': { input: Empty, output: Settings },
  /** Edits a service's catalog entry offline-first: shown at once, pushed as `service.update`. */
  'services:update': { input: ServiceUpdateArgs, output: Enqueued },
  'outbox:list': { input: Empty, output: z.array(OutboxItem) },
  /** Sends an expired change anyway (same idempotency key, so it still applies at most once). */
  'outbox:confirm': { input: MutationRef, output: Enqueued },
  /** Drops an expired change (its local effect disappears) or dismisses a rejected one. */
  'outbox:discard': { input: MutationRef, output: z.object({}) },
} as const;

export type IpcCommands = typeof ipcCommands;
export type IpcCommand = keyof IpcCommands;
export type IpcInput<C extends IpcCommand> = z.input<IpcCommands[C]['input']>;
export type IpcParsedInput<C extends IpcCommand> = z.output<IpcCommands[C]['input']>;
export type IpcOutput<C extends IpcCommand> = z.output<IpcCommands[C]['output']>;

export const isIpcCommand = (name: string): name is IpcCommand => Object.hasOwn(ipcCommands, name);

/** Events pushed from the backend to every window. */
export const ipcEvents = {
  'sync:status': SyncStatus,
  /** Local tables a write touched; the renderer invalidates the queries that read them. */
  'tables:changed': z.object({ tables: z.array(z.string()) }),
} as const;

export type IpcEvents = typeof ipcEvents;
export type IpcEvent = keyof IpcEvents;
export type IpcEventPayload<E extends IpcEvent> = z.output<IpcEvents[E]>;

export const isIpcEvent = (name: string): name is IpcEvent => Object.hasOwn(ipcEvents, name);
