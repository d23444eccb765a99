import type { Environment, Service } from '../../shared/features/catalog/api';
import type { Team } from '../../shared/api/directory';
import type { ChangeEntry } from '../../shared/contract';

/** Deterministic catalog rows for cache and sync unit tests. */

const at = (n: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString();

export function team(id: string, name: string, extra: Partial<Team> = {}): Team {
  return {
    id,
    slug: id.replace(/[^a-z0-9-]/g, '-'),
    name,
    description: '',
    size: 5,
    createdAt: at(0),
    updatedAt: at(0),
    ...extra,
  };
}

export function service(id: string, extra: Partial<Service> = {}): Service {
  return {
    id,
    name: id,
    title: id,
    description: '',
    ownerTeamId: 'team-a',
    tier: 3,
    lifecycle: 'production',
    repositoryUrl: null,
    tags: [],
    links: [],
    createdAt: at(0),
    updatedAt: at(1),
    ...extra,
  };
}

export function environment(id: string, name: Environment['name'], position: number): Environment {
  return { id, name, title: name.charAt(0).toUpperCase() + name.slice(1), position };
}

let seq = 0;
export const put = (
  entity: 'team' | 'service' | 'environment',
  data: Team | Service | Environment,
): ChangeEntry => ({ seq: ++seq, entity, id: data.id, op: 'put', data }) as ChangeEntry;
export const del = (entity: ChangeEntry['entity'], id: string): ChangeEntry => ({
  seq: ++seq,
  entity,
  id,
  op: 'del',
  data: null,
});

/** Three teams, six services, three environments: enough to exercise facets and sorting. */
export function demoChanges(): ChangeEntry[] {
  return [
    put('team', team('team-a', 'Payments')),
    put('team', team('team-b', 'Identity')),
    put('team', team('team-c', 'Search Infra')),
    put('environment', environment('env-dev', 'development', 1)),
    put('environment', environment('env-prod', 'production', 3)),
    put('environment', environment('env-stg', 'staging', 2)),
    put(
      'service',
      service('payments-api', {
        title: 'Payments API',
        description: 'Charges cards and settles invoices',
        tier: 1,
        tags: ['billing', 'java'],
        updatedAt: at(10),
      }),
    ),
    put(
      'service',
      service('ledger', {
        title: 'Ledger',
        tier: 2,
        lifecycle: 'experimental',
        tags: ['billing'],
        updatedAt: at(5),
      }),
    ),
    put(
      'service',
      service('auth-gateway', {
        title: 'Auth Gateway',
        ownerTeamId: 'team-b',
        tier: 1,
        description: 'OAuth and sessions',
        updatedAt: at(20),
      }),
    ),
    put(
      'service',
      service('user-profile', {
        title: 'User Profile',
        ownerTeamId: 'team-b',
        tier: 3,
        lifecycle: 'deprecated',
        updatedAt: at(3),
      }),
    ),
    put(
      'service',
      service('search-indexer', {
        title: 'Search Indexer',
        ownerTeamId: 'team-c',
        tier: 2,
        updatedAt: at(7),
      }),
    ),
    put(
      'service',
      service('zeta-batch', {
        title: 'Zeta Batch',
        ownerTeamId: 'team-unknown',
        tier: 4,
        lifecycle: 'experimental',
      }),
    ),
  ];
}
