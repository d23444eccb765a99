import { z } from 'zod';
import { BacklogItem, BacklogWeights } from './backlog';
import { Environment, Org, Service, Team, User } from './catalog';
import { SupportRequest } from './support';
import { Deployment } from './deployments';
import { AlertRule, Incident } from './incidents';
import { Operation } from './operations';
import { Resource } from './resources';
import { SecretMeta } from './secrets';
import { Survey } from './surveys';

/**
 * The change log protocol (DESIGN.md §2–§3). A client keeps an opaque cursor; the server
 * answers with the changes after it in `seq` order. `data` is the entity's full API shape on
 * `put` and null on `del`.
 */

export const entitySchemas = {
  org: Org,
  team: Team,
  user: User,
  service: Service,
  environment: Environment,
  deployment: Deployment,
  alert_rule: AlertRule,
  incident: Incident,
  operation: Operation,
  resource: Resource,
  secret: SecretMeta,
  survey: Survey,
  backlog_item: BacklogItem,
  backlog_weights: BacklogWeights,
  support_request: SupportRequest,
} as const;

export const SyncEntity = z.enum([
  'org',
  'team',
  'user',
  'service',
  'environment',
  'deployment',
  'alert_rule',
  'incident',
  'operation',
  'resource',
  'secret',
  'survey',
  'backlog_item',
  'backlog_weights',
  'support_request',
]);
export type SyncEntity = z.infer<typeof SyncEntity>;

const Seq = z.number().int().positive();

const put = <E extends SyncEntity, S extends z.ZodType>(entity: E, data: S) =>
  z.object({ seq: Seq, entity: z.literal(entity), id: z.string(), op: z.literal('put'), data });

export const ChangeEntry = z.union([
  put('org', Org),
  put('team', Team),
  put('user', User),
  put('service', Service),
  put('environment', Environment),
  put('deployment', Deployment),
  put('alert_rule', AlertRule),
  put('incident', Incident),
  put('operation', Operation),
  put('resource', Resource),
  put('secret', SecretMeta),
  put('survey', Survey),
  put('backlog_item', BacklogItem),
  put('backlog_weights', BacklogWeights),
  put('support_request', SupportRequest),
  z.object({ seq: Seq, entity: SyncEntity, id: z.string(), op: z.literal('del'), data: z.null() }),
]);
export type ChangeEntry = z.infer<typeof ChangeEntry>;

export const ChangesQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const ChangesPage = z.object({
  changes: z.array(ChangeEntry),
  /** Opaque: pass back as-is. Changes when the server's epoch changes (→ 409 resync_required). */
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPage>;

/** SSE `GET /v1/events`: `event: changes` with this data after each commit that logged changes. */
export const ChangesPoke = z.object({ seq: Seq });
