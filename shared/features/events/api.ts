import { z } from 'zod';
import { text } from '../../api/text';
import { EnvironmentName } from '../catalog/api';

/**
 * Platform events (docs/architecture.md, "Numbers"): one row per thing the platform did that a
 * metric counts — pushes, pipeline runs, deploys, rollbacks, canary decisions, incidents, flag
 * changes, services created, resources provisioned. Written by the feature that did it, in the
 * same transaction; synced to every desktop so DORA, adoption and onboarding are computed from
 * what really happened. `data` holds the kind's details (see `EventData`).
 */
export const PlatformEventKind = z.enum([
  'push',
  'pipeline_run',
  'deploy',
  'rollback',
  'canary_decision',
  'incident_opened',
  'incident_resolved',
  'flag_changed',
  'service_created',
  'resource_provisioned',
]);
export type PlatformEventKind = z.infer<typeof PlatformEventKind>;

const Timestamp = z.iso.datetime({ offset: true });
const Sha = text().regex(/^[0-9a-f]{40}$/);

/** Each kind's details: what its metric needs and nothing secret. */
export const EventData = {
  push: z.object({ ref: text(), before: Sha.nullable(), after: Sha, commits: z.number().int().min(0) }),
  pipeline_run: z.object({
    runId: text(),
    commitSha: Sha,
    result: z.enum(['succeeded', 'failed', 'cancelled']),
    failedStep: text().nullable(),
    durationMs: z.number().int().min(0),
    steps: z.array(z.object({ name: text(), status: text(), durationMs: z.number().int().min(0) })),
  }),
  deploy: z.object({
    deploymentId: text(),
    version: text(),
    committedAt: Timestamp,
    result: z.enum(['live', 'failed']),
    canary: z.boolean(),
  }),
  rollback: z.object({ deploymentId: text(), fromVersion: text(), toVersion: text() }),
  canary_decision: z.object({
    deploymentId: text(),
    decision: z.enum(['promoted', 'aborted']),
    automatic: z.boolean(),
    reason: text(),
  }),
  incident_opened: z.object({ incidentId: text(), deploymentId: text().nullable() }),
  incident_resolved: z.object({ incidentId: text(), openedAt: Timestamp }),
  flag_changed: z.object({
    flagId: text(),
    key: text(),
    change: z.enum(['created', 'enabled', 'disabled', 'rollout', 'deleted']),
    rolloutPercent: z.number().min(0).max(100).nullable(),
  }),
  service_created: z.object({ templateId: text().nullable() }),
  resource_provisioned: z.object({ resourceId: text(), kind: text() }),
} satisfies Record<PlatformEventKind, z.ZodType>;
export type EventData<K extends PlatformEventKind> = z.infer<(typeof EventData)[K]>;

export const PlatformEvent = z.object({
  id: text(),
  kind: PlatformEventKind,
  serviceId: text().nullable(),
  /** The service's owner team when it happened (adoption counts teams). */
  teamId: text().nullable(),
  environment: EnvironmentName.nullable(),
  /** Who asked for it; null for what the platform did on its own (an automatic canary abort). */
  actorId: text().nullable(),
  at: Timestamp,
  data: z.record(text(), z.unknown()),
});
export type PlatformEvent = z.infer<typeof PlatformEvent>;

export const PlatformEventsQuery = z.object({
  kind: PlatformEventKind.optional(),
  serviceId: text().max(100).optional(),
  since: Timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
