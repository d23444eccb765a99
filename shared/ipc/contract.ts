import { z } from 'zod';
import { Operation, OperationEvent, OperationStatus } from '../api/operations';
import { Resource, ResourceEstimate, ResourceKind, ResourceSize } from '../api/resources';
import { SecretMeta, SecretName, SecretValue } from '../api/secrets';
import { EnvironmentName as ResourceEnvironment } from '../api/catalog';
import { Environment, Lifecycle, Org, Service, ServiceLink, Team, Tier, User } from '../api/catalog';
import { ServiceUpdateArgs } from '../api/push';
import {
  BacklogDeleteArgs,
  BacklogDemandArgs,
  BacklogItemCreate,
  BacklogMoveArgs,
  BacklogPage,
  BacklogQuery,
  BacklogRow,
  PriorityModelName,
  BacklogUpdateArgs,
  BacklogWeightsArgs,
  CsvExport,
  RoadmapView,
} from '../api/backlog';
import { SupportPage, SupportQuery, SupportRequestCreate } from '../api/support';
import { Survey, SurveyAnswers, SurveyCreate, SurveyPatch, SurveyResults } from '../api/surveys';
import {
  CostReport,
  LiveLogLine,
  LogStreamRef,
  ServiceDeployArgs,
  ServiceDeployments,
  ServiceRollbackArgs,
} from '../api/deployments';
import { EnvironmentName as DeployEnvironment } from '../api/catalog';
import { AlertRule, AlertRuleCreate, IncidentView } from '../api/incidents';
import { ServiceCreateArgs, Template } from '../api/templates';

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

/** A survey as the signed-in user sees it: its window and their own answer's fate. */
export const SurveyItem = z.object({
  survey: Survey,
  phase: z.enum(['draft', 'upcoming', 'open', 'closed']),
  /** none → queued (offline, in the outbox) → answered; rejected keeps the platform's reason. */
  myAnswer: z.enum(['none', 'queued', 'answered', 'rejected']),
  rejection: IpcErrorShape.nullable(),
  /** Local edits of this survey not yet accepted by the platform (drafts made offline). */
  pendingEdits: z.number().int(),
});
export type SurveyItem = z.infer<typeof SurveyItem>;

/** Results as cached: studied offline from the last fetch; `error` says why it is not fresher. */
export const CachedSurveyResults = z.object({
  results: SurveyResults.nullable(),
  fetchedAt: z.string().nullable(),
  error: IpcErrorShape.nullable(),
});
export type CachedSurveyResults = z.infer<typeof CachedSurveyResults>;

const SurveyRef = z.object({ id: z.string().min(1).max(100) });

// ---- Operations, resources and secrets (issue 3 part A, desktop) --------------------------

/** `resource.provision` push mutation args; server/resources/resource-mutations.ts parses the same. */
export const ResourceProvisionArgs = z.object({
  serviceId: z.string().min(1).max(100),
  kind: ResourceKind,
  size: ResourceSize,
  environment: ResourceEnvironment,
});
export type ResourceProvisionArgs = z.infer<typeof ResourceProvisionArgs>;
export const ResourceDeprovisionArgs = z.object({ resourceId: z.string().min(1).max(100) });
export type ResourceDeprovisionArgs = z.infer<typeof ResourceDeprovisionArgs>;
/** Unsent past an hour, a provisioning request waits for the user to confirm it again. */
export const RESOURCE_MUTATION_MAX_AGE_MS = 60 * 60 * 1000;

/** An operation as the app lists it: names resolved from the cache; `local` = still in this device's outbox. */
export const OperationView = Operation.extend({
  serviceName: z.string().nullable(),
  requestedByName: z.string().nullable(),
  local: z.boolean(),
});
export type OperationView = z.infer<typeof OperationView>;

/** A resource with the live state of the operation working on it; `local` = queued on this device. */
export const ResourceView = Resource.extend({
  operation: z
    .object({ id: z.string(), status: OperationStatus, progress: z.number(), step: z.string().nullable() })
    .nullable(),
  local: z.boolean(),
});
export type ResourceView = z.infer<typeof ResourceView>;

/** An operation's log as far as known; `complete` = the final status event is in it. */
export const OperationLog = z.object({ events: z.array(OperationEvent), complete: z.boolean() });
export type OperationLog = z.infer<typeof OperationLog>;

const OperationRef = z.object({ id: z.string().min(1).max(100) });
const SecretTarget = z.object({
  serviceId: z.string().min(1).max(100),
  environment: ResourceEnvironment,
  name: SecretName,
});

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
  /** Templates from the platform (the last list is cached, so the form works offline). */
  'templates:list': { input: Empty, output: z.array(Template) },
  /** Create a service from a template, offline-first: queued as `service.create`. */
  'services:create': { input: ServiceCreateArgs, output: Enqueued },
  'deployments:list': {
    input: z.object({ serviceId: z.string().min(1).max(100) }),
    output: ServiceDeployments,
  },
  'deployments:deploy': { input: ServiceDeployArgs, output: Enqueued },
  'deployments:rollback': { input: ServiceRollbackArgs, output: Enqueued },
  'incidents:list': { input: Empty, output: z.array(IncidentView) },
  'alertRules:list': {
    input: z.object({ serviceId: z.string().min(1).max(100) }),
    output: z.array(AlertRule),
  },
  /** Sets a service+environment's rule on the platform (online), then shows it at once. */
  'alertRules:set': {
    input: AlertRuleCreate.extend({ serviceId: z.string().min(1).max(100) }),
    output: AlertRule,
  },
  /** Cost per team and service (online: computed by the platform). */
  'cost:get': { input: Empty, output: CostReport },
  /** Starts forwarding a service's live log as `service:log` events; stop with `logs:stop`. */
  'logs:follow': {
    input: z.object({ serviceId: z.string().min(1).max(100), environment: DeployEnvironment }),
    output: LogStreamRef,
  },
  'logs:stop': { input: LogStreamRef, output: z.object({}) },
  /** Surveys: definitions from the cache; drafts, publishing and answers are queued (offline-first). */
  'surveys:list': { input: Empty, output: z.array(SurveyItem) },
  'surveys:get': { input: SurveyRef, output: SurveyItem.nullable() },
  'surveys:create': { input: SurveyCreate, output: Enqueued.extend({ id: z.string() }) },
  'surveys:update': {
    input: z.object({ id: z.string().min(1).max(100), patch: SurveyPatch }),
    output: Enqueued,
  },
  'surveys:publish': { input: SurveyRef, output: Enqueued },
  'surveys:answer': {
    input: z.object({ surveyId: z.string().min(1).max(100), answers: SurveyAnswers }),
    output: Enqueued,
  },
  /** Fetches fresh results when the platform is reachable, else answers the cached ones. */
  'surveys:results': { input: SurveyRef, output: CachedSurveyResults },
  /** Refreshes which surveys the platform has receipts for (answered on any device). */
  'surveys:refresh': { input: Empty, output: z.object({ answered: z.number().int() }) },
  /** Backlog (issue 4): reads from the cache; every edit is queued offline-first as a backlog.* mutation. */
  'backlog:list': { input: BacklogQuery, output: BacklogPage },
  /** One item with its "why this rank" breakdown under `model`. */
  'backlog:get': {
    input: z.object({ id: z.string().min(1).max(100), model: PriorityModelName.default('default') }),
    output: BacklogRow.nullable(),
  },
  'backlog:create': { input: BacklogItemCreate, output: Enqueued.extend({ id: z.string() }) },
  'backlog:update': { input: BacklogUpdateArgs, output: Enqueued },
  'backlog:delete': { input: BacklogDeleteArgs, output: Enqueued },
  /** "Move X between A and B" (keyboard or drag); the platform recomputes the key if they moved. */
  'backlog:move': { input: BacklogMoveArgs, output: Enqueued },
  'backlog:demand': { input: BacklogDemandArgs, output: Enqueued },
  'backlog:setWeights': { input: BacklogWeightsArgs, output: Enqueued },
  /** The filtered, sorted backlog as CSV text (the renderer offers it as a download). */
  'backlog:exportCsv': { input: BacklogQuery, output: CsvExport },
  'roadmap:get': { input: Empty, output: RoadmapView },
  'support:list': { input: SupportQuery, output: SupportPage },
  'support:create': { input: SupportRequestCreate, output: Enqueued.extend({ id: z.string() }) },
  'support:reply': {
    input: z.object({ id: z.string().min(1).max(100), body: z.string().trim().min(1).max(10000) }),
    output: Enqueued,
  },
  'support:escalate': { input: z.object({ id: z.string().min(1).max(100) }), output: Enqueued },
  'support:resolve': {
    input: z.object({ id: z.string().min(1).max(100), resolution: z.string().trim().min(1).max(5000) }),
    output: Enqueued,
  },
  'support:link': {
    input: z.object({ id: z.string().min(1).max(100), itemId: z.string().min(1).max(100) }),
    output: Enqueued,
  },
  /** Turns a request into a new backlog item (and links it); answers the new item's id. */
  'support:promote': {
    input: z.object({ id: z.string().min(1).max(100), title: z.string().trim().min(1).max(200).optional() }),
    output: Enqueued.extend({ itemId: z.string() }),
  },
  /** Operations from the cache (synced), newest first, with queued-offline placeholders. */
  'operations:list': {
    input: z.object({ serviceId: z.string().min(1).max(100).optional() }).default({}),
    output: z.array(OperationView),
  },
  'operations:get': { input: OperationRef, output: OperationView.nullable() },
  /** Log events after `after` (cached; fetched from the platform when it is reachable). */
  'operations:events': {
    input: OperationRef.extend({ after: z.number().int().min(0).default(0) }),
    output: OperationLog,
  },
  /** Forwards the operation's live events as `operation:progress` until unwatched or finished. */
  'operations:watch': { input: OperationRef, output: z.object({ watchId: z.string() }) },
  'operations:unwatch': { input: z.object({ watchId: z.string().min(1).max(100) }), output: z.object({}) },
  'resources:list': {
    input: z.object({ serviceId: z.string().min(1).max(100) }),
    output: z.array(ResourceView),
  },
  /** Monthly cost from the shared price table: pure, works offline. */
  'resources:estimate': {
    input: z.object({ kind: ResourceKind, size: ResourceSize }),
    output: ResourceEstimate,
  },
  /** Offline-first: a queued operation and a 'provisioning' resource show at once; pushed as `resource.provision`. */
  'resources:provision': { input: ResourceProvisionArgs, output: Enqueued },
  'resources:deprovision': { input: ResourceDeprovisionArgs, output: Enqueued },
  'secrets:list': { input: z.object({ serviceId: z.string().min(1).max(100) }), output: z.array(SecretMeta) },
  /** ONLINE only: the value goes straight to the platform, never to the cache, outbox or logs. */
  'secrets:set': { input: SecretTarget.extend({ value: SecretValue.shape.value }), output: z.object({}) },
  /** ONLINE only: the platform generates the new value (and changes a resource's real password). */
  'secrets:rotate': { input: SecretTarget, output: SecretMeta },
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
  /** One captured line of a followed service log (see `logs:follow`). */
  'service:log': LiveLogLine,
  /** A live event of a watched operation (see `operations:watch`). */
  'operation:progress': z.object({ operationId: z.string(), event: OperationEvent }),
} as const;

export type IpcEvents = typeof ipcEvents;
export type IpcEvent = keyof IpcEvents;
export type IpcEventPayload<E extends IpcEvent> = z.output<IpcEvents[E]>;

export const isIpcEvent = (name: string): name is IpcEvent => Object.hasOwn(ipcEvents, name);
