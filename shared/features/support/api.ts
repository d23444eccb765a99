import { z } from 'zod';
import { text } from '../../api/text';
import { Capability } from '../backlog/api';

/** Support intake (issue 4): requests with a tier, an SLA clock, replies, escalation and resolution. */

const Timestamp = z.iso.datetime({ offset: true });
const Id = text().min(1).max(100);

export const SupportTier = z.enum(['documentation', 'community', 'direct']);
export const SupportKind = z.enum(['question', 'blocking', 'production']);
export const SupportStatus = z.enum(['open', 'answered', 'resolved']);
export type SupportStatus = z.infer<typeof SupportStatus>;

export const SupportReply = z.object({
  /** Client UUID: replies are append-only and a replayed reply is recognised by its id. */
  id: z.uuid(),
  authorId: Id,
  body: text().min(1).max(10000),
  at: Timestamp,
});
export type SupportReply = z.infer<typeof SupportReply>;

export const SupportRequest = z.object({
  id: Id,
  title: text().min(1).max(200),
  body: text().max(10000),
  tier: SupportTier,
  kind: SupportKind,
  capability: Capability,
  teamId: Id.nullable(),
  requestedBy: Id.nullable(),
  status: SupportStatus,
  /** First reply by someone other than the requester: stops the SLA clock. */
  firstResponseAt: Timestamp.nullable(),
  escalatedAt: Timestamp.nullable(),
  resolvedAt: Timestamp.nullable(),
  resolution: text().max(5000).nullable(),
  linkedItemId: Id.nullable(),
  replies: z.array(SupportReply),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SupportRequest = z.infer<typeof SupportRequest>;

/** The SLA states of shared/domain/support-sla.ts, for API answers. */
export const SupportSlaState = z.enum(['none', 'on_track', 'at_risk', 'breached', 'met', 'missed']);

/**
 * What the REST API answers: the request plus its first-response SLA clock at answer time, so a
 * script or a chat bot shows the same due time and state as the app. Not part of the synced
 * entity: the state changes with the clock, not with a write (the app computes it locally with
 * the same function).
 */
export const SupportRequestView = SupportRequest.extend({
  slaDueAt: Timestamp.nullable(),
  slaState: SupportSlaState,
});
export type SupportRequestView = z.infer<typeof SupportRequestView>;

export const SupportRequestCreate = z.object({
  id: z.uuid().optional(),
  title: text().trim().min(1).max(200),
  body: text().max(10000).default(''),
  tier: SupportTier.default('community'),
  kind: SupportKind.default('question'),
  capability: Capability,
  /** Defaults to the requester's first team. */
  teamId: Id.nullable().optional(),
});
export type SupportRequestCreate = z.input<typeof SupportRequestCreate>;

export const SupportReplyCreate = z.object({
  id: z.uuid().optional(),
  body: text().trim().min(1).max(10000),
});
export const SupportResolve = z.object({ resolution: text().trim().min(1).max(5000) });
export const SupportLink = z.object({ itemId: Id });
/** Turn a request into a backlog item: the request's title/capability unless overridden. */
export const SupportPromote = z.object({
  itemId: z.uuid().optional(),
  title: text().trim().min(1).max(200).optional(),
});

// ---- Push mutation args (offline edits; docs/architecture.md, "Sync and push") ---------------------------------------

const RequestId = z.object({ id: Id });
export const SupportCreateArgs = SupportRequestCreate.extend({ id: z.uuid() });
export const SupportReplyArgs = RequestId.extend({
  replyId: z.uuid(),
  body: text().trim().min(1).max(10000),
});
export const SupportEscalateArgs = RequestId;
export const SupportResolveArgs = RequestId.extend(SupportResolve.shape);
export const SupportLinkArgs = RequestId.extend(SupportLink.shape);
export const SupportPromoteArgs = RequestId.extend({
  itemId: z.uuid(),
  title: text().trim().min(1).max(200).optional(),
});

// ---- Desktop views computed from the cache (IPC outputs) ------------------------------------

/** SLA filter values: the clock's running states, plus "escalated" (by hand, or breached and unanswered). */
export const SupportSlaFilter = z.enum(['on_track', 'at_risk', 'breached', 'escalated']);
export type SupportSlaFilter = z.infer<typeof SupportSlaFilter>;
/**
 * `slaDue`: the running first-response clock's due time (requests whose clock stopped or that have no
 * target sort last either way); `tier`: by service level, documentation < community < direct.
 */
export const SupportSortColumn = z.enum(['slaDue', 'created', 'tier']);
export type SupportSortColumn = z.infer<typeof SupportSortColumn>;

export const SupportQuery = z.object({
  search: text().max(200).default(''),
  statuses: z.array(SupportStatus).max(3).default([]),
  capabilities: z.array(Capability).max(100).default([]),
  escalatedOnly: z.boolean().default(false),
  tiers: z.array(SupportTier).max(3).default([]),
  slaStates: z.array(SupportSlaFilter).max(4).default([]),
  sort: z
    .object({ column: SupportSortColumn, direction: z.enum(['asc', 'desc']) })
    .default({ column: 'created', direction: 'desc' }),
});
export type SupportQuery = z.input<typeof SupportQuery>;

export const SupportRow = SupportRequest.extend({
  teamName: text().nullable(),
  linkedItemTitle: text().nullable(),
  sla: z.object({
    state: z.enum(['none', 'on_track', 'at_risk', 'breached', 'met', 'missed']),
    dueAt: text().nullable(),
    remainingMs: z.number().nullable(),
    escalate: z.boolean(),
  }),
});
export type SupportRow = z.infer<typeof SupportRow>;

export const SupportPage = z.object({
  rows: z.array(SupportRow),
  total: z.number().int(),
  totalAll: z.number().int(),
  /** Every capability that has requests (for the capability filter), alphabetical. */
  capabilities: z.array(text()),
  load: z.array(z.object({ capability: text(), requests: z.number().int(), high: z.boolean() })),
});
export type SupportPage = z.infer<typeof SupportPage>;
