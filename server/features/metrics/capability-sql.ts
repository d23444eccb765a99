/**
 * Which platform event is a use of which capability: the SQL function metrics_capability
 * (migrations/040_metrics.sql), the same table as `capabilityOfEvent`
 * (shared/domain/metrics/capabilities.ts), so the platform and the desktop count the same uses.
 * `e` is the platform_events alias.
 */
export const CAPABILITY_OF_EVENT = 'metrics_capability(e.kind, e.data)';

/** The kinds that can be a use; lets a scan skip pushes, rollbacks and plain deploys early. */
export const CAPABILITY_EVENT_KINDS = [
  'pipeline_run',
  'service_created',
  'incident_opened',
  'resource_provisioned',
  'flag_changed',
  'deploy',
  'canary_decision',
];
