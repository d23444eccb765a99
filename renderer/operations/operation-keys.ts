/**
 * React-query keys of operations, resources and secrets, by the backend tables they read
 * (mapped in data/table-invalidation.ts). Prefixes first, so invalidating `all` hits every query.
 */
export const operationKeys = {
  all: ['operations'] as const,
  list: (serviceId: string | null) => ['operations', 'list', serviceId] as const,
  get: (id: string) => ['operations', 'get', id] as const,
  eventsAll: ['operations', 'events'] as const,
  events: (id: string) => ['operations', 'events', id] as const,
};

export const resourceKeys = {
  all: ['resources'] as const,
  list: (serviceId: string) => ['resources', 'list', serviceId] as const,
  /** Queued or refused provisioning requests (read from the outbox). */
  requests: ['resources', 'requests'] as const,
};

export const secretKeys = {
  all: ['secrets'] as const,
  list: (serviceId: string) => ['secrets', 'list', serviceId] as const,
};

/** Cache tables → the keys above that read them; merged into data/table-invalidation.ts. */
export const operationsQueriesByTable = {
  // Resource rows show their operation's live state.
  operations: [operationKeys.all, resourceKeys.all],
  operation_events: [operationKeys.eventsAll],
  resources: [resourceKeys.all],
  secrets: [secretKeys.all],
  outbox: [resourceKeys.requests],
  // Operation rows show service and requester names.
  services: [operationKeys.all],
  users: [operationKeys.all],
} as const;
