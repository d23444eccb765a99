/**
 * The platform capabilities whose adoption is measured, and which platform event is a use of
 * which (issue 10: "derived from what the platform did", docs/architecture.md, "Numbers"):
 *   ci_cd           a pipeline run
 *   templates       a service created from a template
 *   observability   an incident opened (an alert fired) — and, from the alert_rules table, an
 *                   alert rule created or enabled, which the caller adds as a use itself
 *   db_provisioning / cache / queue   a resource provisioned of kind postgres / cache / queue
 *   feature_flags   a flag changed
 *   canary          a deploy through a canary, or a canary decision
 */
export const CAPABILITIES = [
  'ci_cd',
  'templates',
  'observability',
  'db_provisioning',
  'cache',
  'queue',
  'feature_flags',
  'canary',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** A platform event as far as adoption cares: its kind and its `data` (shared/features/events). */
export interface EventLike {
  kind: string;
  data: Readonly<Record<string, unknown>>;
}

const RESOURCE_CAPABILITY: Readonly<Record<string, Capability>> = {
  postgres: 'db_provisioning',
  cache: 'cache',
  queue: 'queue',
};

/** The capability an event is a use of, or null (a push, a plain deploy, a rollback, …). */
export function capabilityOfEvent(event: EventLike): Capability | null {
  switch (event.kind) {
    case 'pipeline_run':
      return 'ci_cd';
    case 'service_created':
      return typeof event.data.templateId === 'string' ? 'templates' : null;
    case 'incident_opened':
      return 'observability';
    case 'resource_provisioned':
      return typeof event.data.kind === 'string' ? (RESOURCE_CAPABILITY[event.data.kind] ?? null) : null;
    case 'flag_changed':
      return 'feature_flags';
    case 'deploy':
      return event.data.canary === true ? 'canary' : null;
    case 'canary_decision':
      return 'canary';
    default:
      return null;
  }
}
