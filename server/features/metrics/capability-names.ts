import type { Capability } from '../../../shared/features/metrics/api';

/**
 * Support requests and survey items name a capability in free text ('databases', 'CI/CD
 * pipelines'); adoption rows put their counts next to the measured capability with this table.
 * Keys are compared lower-cased and trimmed.
 */
const NAMES: Record<Capability, readonly string[]> = {
  ci_cd: [
    'ci_cd',
    'ci-cd',
    'ci/cd',
    'cicd',
    'ci/cd pipeline',
    'ci/cd pipelines',
    'pipeline',
    'pipelines',
    'deployment',
    'deployments',
  ],
  templates: ['templates', 'template', 'service templates', 'service template'],
  observability: ['observability', 'monitoring', 'alerts', 'alerting', 'logs'],
  db_provisioning: [
    'db_provisioning',
    'db provisioning',
    'database provisioning',
    'databases',
    'database',
    'postgres',
  ],
  cache: ['cache', 'caches', 'redis'],
  queue: ['queue', 'queues'],
  feature_flags: ['feature_flags', 'feature flags', 'feature-flags', 'flags'],
  canary: ['canary', 'canaries', 'canary deploys', 'canary releases'],
};

const BY_NAME = new Map<string, Capability>(
  (Object.entries(NAMES) as [Capability, readonly string[]][]).flatMap(([capability, names]) =>
    names.map((name) => [name, capability] as const),
  ),
);

export function capabilityNamed(name: string): Capability | null {
  return BY_NAME.get(name.trim().toLowerCase()) ?? null;
}
