import { z } from 'zod';
import { text } from '../../api/text';
import { EnvironmentName } from '../catalog/api';

/** Service templates: a parameter form (JSON Schema from zod on the server) and policy rules. */

export const PolicyRule = z.object({
  id: text(),
  description: text(),
  /** Blocking rules fail the deploy; warnings are recorded and shown. */
  severity: z.enum(['warning', 'blocking']),
});
export type PolicyRule = z.infer<typeof PolicyRule>;

export const Template = z.object({
  id: text(),
  title: text(),
  description: text(),
  /** JSON Schema (draft 2020-12) of `values`. */
  parameters: z.record(text(), z.unknown()),
  policies: z.array(PolicyRule),
});
export type Template = z.infer<typeof Template>;

export const CreateFromTemplate = z.object({
  values: z.record(text(), z.unknown()),
  deployTo: EnvironmentName.optional(),
});
export type CreateFromTemplate = z.infer<typeof CreateFromTemplate>;

export const ServiceCreateArgs = CreateFromTemplate.extend({ templateId: text().min(1).max(100) });

/**
 * Deploys on the local runtime (docs/architecture.md, "Operations"): a version is a commit of the service's platform-owned
 * repository. Each row is one attempt; `committedAt` → `finishedAt` is DORA lead time.
 */

const Timestamp = z.iso.datetime({ offset: true });
/** A full or abbreviated git commit sha. */
export const CommitSha = text().regex(/^[0-9a-f]{7,40}$/, 'a git commit sha (hex)');

export const DeploymentStatus = z.enum([
  'pending', // queued, not yet started
  'deploying', // building, starting, waiting for its health check
  'live', // serving the environment's stable port
  'superseded', // replaced by a newer deploy; its process is kept for rollback
  'failed', // never took over (health check, guardrail, build)
  'rolled_back', // was live, replaced by a rollback to an earlier version
  'stopped', // its process is gone (platform restart could not bring it back, or it was replaced)
]);
export type DeploymentStatus = z.infer<typeof DeploymentStatus>;

export const HealthState = z.enum(['unknown', 'healthy', 'unhealthy']);
export type HealthState = z.infer<typeof HealthState>;

export const GuardrailFinding = z.object({
  rule: text(),
  severity: z.enum(['warning', 'blocking']),
  message: z.string(),
  /** File and line for source findings. */
  location: text().nullable(),
});
export type GuardrailFinding = z.infer<typeof GuardrailFinding>;

/** Traffic through the environment's stable proxy to one target during a canary. */
export const TrafficCount = z.object({
  requests: z.number().int().min(0),
  /** 5xx answers and upstream errors (connection refused or reset). */
  failures: z.number().int().min(0),
});
export type TrafficCount = z.infer<typeof TrafficCount>;

export const CanaryStatus = z.enum([
  'starting', // the new version is starting next to the stable one; takes no traffic yet
  'analysing', // healthy: takes weightPercent of requests while canary and stable are compared
  'promoted', // became the live version
  'aborted', // stopped; the stable version kept (or took back) all traffic
]);
export type CanaryStatus = z.infer<typeof CanaryStatus>;

/** A canary release of one deployment; counts are refreshed on the synced row every analysis tick. */
export const CanaryState = z.object({
  deploymentId: text(),
  status: CanaryStatus,
  weightPercent: z.number().int().min(1).max(50),
  windowSeconds: z.number().int().min(10).max(3600),
  /** When the analysis window opened (the canary's health check passed); null while starting. */
  startedAt: Timestamp.nullable(),
  endsAt: Timestamp.nullable(),
  stable: TrafficCount,
  canary: TrafficCount,
  /** Why it was promoted or aborted (also in the operation log and the canary_decision event). */
  reason: text().nullable(),
  /** Whether the decision was the platform's own (end of window, crash, error rate) or a person's. */
  automatic: z.boolean().nullable(),
  decidedAt: Timestamp.nullable(),
});
export type CanaryState = z.infer<typeof CanaryState>;

export const CanaryRequest = z.object({
  weightPercent: z.number().int().min(1).max(50),
  windowSeconds: z.number().int().min(10).max(3600),
});
export type CanaryRequest = z.infer<typeof CanaryRequest>;

export const Deployment = z.object({
  id: text(),
  serviceId: text(),
  environment: EnvironmentName,
  version: text(),
  commitMessage: text(),
  committedAt: Timestamp,
  status: DeploymentStatus,
  health: HealthState,
  healthCheckedAt: Timestamp.nullable(),
  /** The stable port of the service+environment (what callers use), null until first live. */
  stablePort: z.number().int().nullable(),
  findings: z.array(GuardrailFinding),
  previousDeploymentId: text().nullable(),
  rolledBackFromId: text().nullable(),
  operationId: text().nullable(),
  requestedBy: text(),
  error: text().nullable(),
  startedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  /** The published version this deploy ran (null for rows older than versions). */
  versionId: text().nullable().default(null),
  versionNumber: z.number().int().min(1).nullable().default(null),
  /** Set when this deployment was (or is) a canary release. */
  canary: CanaryState.nullable().default(null),
});
export type Deployment = z.infer<typeof Deployment>;

/**
 * A published version of a service: a commit and its built artifact. Deploys of the same commit
 * (promotion, rollback) unpack this artifact instead of building again.
 */
export const ServiceVersion = z.object({
  id: text(),
  serviceId: text(),
  /** 1, 2, 3 … per service, in publication order. */
  number: z.number().int().min(1),
  commitSha: text().regex(/^[0-9a-f]{40}$/),
  commitMessage: text(),
  committedAt: Timestamp,
  /** Path of a .tar.gz relative to the platform data dir. */
  artifact: text(),
  source: z.enum(['pipeline', 'deploy']),
  pipelineRunId: text().nullable(),
  createdAt: Timestamp,
});
export type ServiceVersion = z.infer<typeof ServiceVersion>;

export const DeployRequest = z.object({
  environment: EnvironmentName,
  /** Defaults to the head of main. */
  version: CommitSha.optional(),
  /** Start the version next to the live one and shift a share of traffic to it first. */
  canary: CanaryRequest.optional(),
});
export type DeployRequest = z.infer<typeof DeployRequest>;

export const RollbackRequest = z.object({ environment: EnvironmentName });
export type RollbackRequest = z.infer<typeof RollbackRequest>;

/** One captured line of a running service's stdout/stderr. */
export const LogLine = z.object({
  serviceId: text(),
  environment: EnvironmentName,
  deploymentId: text(),
  stream: z.enum(['stdout', 'stderr']),
  line: z.string(),
});
export type LogLine = z.infer<typeof LogLine>;

export const LogsQuery = z.object({
  follow: z.enum(['0', '1']).default('0'),
  tail: z.coerce.number().int().min(0).max(5000).default(200),
});

/** Monthly cost: resources plus running processes at a per-environment compute rate. */
export const ServiceCost = z.object({
  serviceId: text(),
  serviceName: text(),
  teamId: text(),
  resourcesUsd: z.number(),
  computeUsd: z.number(),
  totalUsd: z.number(),
});
export const TeamCost = z.object({
  teamId: text(),
  teamName: text(),
  totalUsd: z.number(),
  services: z.array(ServiceCost),
});
export const CostReport = z.object({
  currency: z.literal('USD'),
  computeRatesUsd: z.record(EnvironmentName, z.number()),
  teams: z.array(TeamCost),
  totalUsd: z.number(),
});
export type CostReport = z.infer<typeof CostReport>;

/** Push mutation args (docs/architecture.md, "Sync and push"): each creates the same operation its REST endpoint does. */
export const ServiceDeployArgs = DeployRequest.extend({ serviceId: text().min(1).max(100) });
export const ServiceRollbackArgs = RollbackRequest.extend({ serviceId: text().min(1).max(100) });

export const CanaryDecision = z.enum(['promote', 'abort']);
export type CanaryDecision = z.infer<typeof CanaryDecision>;
/** Answer of POST /v1/services/:id/canary/:environment/promote|abort: the running deploy acts on it. */
export const CanaryDecisionAccepted = z.object({ deploymentId: text(), decision: CanaryDecision });
export type CanaryDecisionAccepted = z.infer<typeof CanaryDecisionAccepted>;
/** Offline intents older than this are rejected `expired`; the app asks the user to confirm again. */
export const SELF_SERVICE_MUTATION_MAX_AGE_MS = 60 * 60 * 1000;

// ---- Desktop views (IPC outputs built from the cache) -----------------------------------

/** A self-service action still in the outbox: shown at once, with the key that makes it run once. */
export const QueuedAction = z.object({
  mutationId: z.number().int(),
  name: z.enum(['service.create', 'service.deploy', 'service.rollback']),
  environment: EnvironmentName.nullable(),
  idempotencyKey: text(),
  createdAt: text(),
  status: z.enum(['pending', 'needs_confirmation', 'rejected', 'applied']),
  reason: z.object({ code: text(), message: z.string() }).nullable(),
});
export type QueuedAction = z.infer<typeof QueuedAction>;

/** Whether Roll back can run now, and if not, why (in words a person understands). */
export const RollbackAvailability = z.object({
  available: z.boolean(),
  reason: text().nullable(),
  /** The deployment whose version a rollback would bring back. */
  target: z
    .object({
      deploymentId: text(),
      version: text(),
      versionNumber: z.number().int().nullable(),
      commitMessage: text(),
    })
    .nullable(),
});
export type RollbackAvailability = z.infer<typeof RollbackAvailability>;

export const EnvironmentDeployments = z.object({
  environment: EnvironmentName,
  live: Deployment.nullable(),
  health: HealthState,
  history: z.array(Deployment),
  rollback: RollbackAvailability,
  /** The canary release running in this environment, if any. */
  canary: CanaryState.nullable(),
});
export type EnvironmentDeployments = z.infer<typeof EnvironmentDeployments>;

export const ServiceDeployments = z.object({
  serviceId: text(),
  /** Created from a template (has a platform repository): deploys are possible. */
  environments: z.array(EnvironmentDeployments),
  queued: z.array(QueuedAction),
  /** Published versions, newest first: what can be deployed or promoted. */
  versions: z.array(ServiceVersion),
});
export type ServiceDeployments = z.infer<typeof ServiceDeployments>;

export const LogStreamRef = z.object({ streamId: text() });
export const LiveLogLine = LogLine.extend({ streamId: text() });
export type LiveLogLine = z.infer<typeof LiveLogLine>;

/** Alert rules turn health checks into incidents; opened → resolved timestamps give MTTR. */

export const AlertRule = z.object({
  id: text(),
  serviceId: text(),
  environment: EnvironmentName,
  /** Open an incident once the environment has been unhealthy for longer than this. */
  unhealthySeconds: z.number().int().min(1).max(86_400),
  enabled: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AlertRule = z.infer<typeof AlertRule>;

export const AlertRuleCreate = z.object({
  environment: EnvironmentName,
  unhealthySeconds: z.number().int().min(1).max(86_400).default(30),
  enabled: z.boolean().default(true),
});
export const AlertRulePatch = z.object({
  unhealthySeconds: z.number().int().min(1).max(86_400).optional(),
  enabled: z.boolean().optional(),
});

export const IncidentStatus = z.enum(['open', 'resolved']);

export const Incident = z.object({
  id: text(),
  serviceId: text(),
  environment: EnvironmentName,
  alertRuleId: text().nullable(),
  deploymentId: text().nullable(),
  title: text(),
  status: IncidentStatus,
  openedAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
});
export type Incident = z.infer<typeof Incident>;

/** An incident with its service's name and team, for the Incidents page and notifications. */
export const IncidentView = Incident.extend({
  serviceName: text().nullable(),
  ownerTeamId: text().nullable(),
});
export type IncidentView = z.infer<typeof IncidentView>;
