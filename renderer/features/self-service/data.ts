import { queryOptions } from '@tanstack/react-query';
import type { QueryKeysByTable } from '../../data/table-invalidation';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';

/** Query keys of the self-service views. */
export const selfServiceKeys = {
  deployments: ['deployments'] as const,
  deploymentsFor: (serviceId: string) => ['deployments', serviceId] as const,
  templates: ['templates'] as const,
  incidents: ['incidents'] as const,
  cost: ['cost'] as const,
  alertRules: ['alert-rules'] as const,
  alertRulesFor: (serviceId: string) => ['alert-rules', serviceId] as const,
};

/** Cache tables → the self-service queries that read them. */
export const selfServiceQueryKeysByTable: QueryKeysByTable = {
  deployments: [selfServiceKeys.deployments],
  // The deploy controls list published versions.
  versions: [selfServiceKeys.deployments],
  // Queued deploys and rollbacks are outbox rows until their operation syncs down.
  outbox: [selfServiceKeys.deployments],
  incidents: [selfServiceKeys.incidents],
  services: [selfServiceKeys.incidents],
  alert_rules: [selfServiceKeys.alertRules],
  templates: [selfServiceKeys.templates],
};

export const deploymentsQuery = (serviceId: string) =>
  queryOptions({
    queryKey: selfServiceKeys.deploymentsFor(serviceId),
    queryFn: async () => unwrap(await pave().invoke('deployments:list', { serviceId })),
  });

export const templatesQuery = () =>
  queryOptions({
    queryKey: selfServiceKeys.templates,
    queryFn: async () => unwrap(await pave().invoke('templates:list', {})),
    staleTime: 60_000,
  });

export const incidentsQuery = () =>
  queryOptions({
    queryKey: selfServiceKeys.incidents,
    queryFn: async () => unwrap(await pave().invoke('incidents:list', {})),
  });

export const costQuery = () =>
  queryOptions({
    queryKey: selfServiceKeys.cost,
    queryFn: async () => unwrap(await pave().invoke('cost:get', {})),
    // Cost is computed by the platform, not synced: refresh when the page is opened again.
    staleTime: 30_000,
  });

export const alertRulesQuery = (serviceId: string) =>
  queryOptions({
    queryKey: selfServiceKeys.alertRulesFor(serviceId),
    queryFn: async () => unwrap(await pave().invoke('alertRules:list', { serviceId })),
  });
