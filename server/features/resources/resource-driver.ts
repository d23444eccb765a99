import type { Resource } from '../../../shared/features/resources/api';

/** Reports progress; executors pass their ExecutorContext's log, rotation passes a no-op. */
export type DriverLog = (message: string) => Promise<void>;

export interface Provisioned {
  /** Connection info without passwords (synced, shown). */
  connection: Record<string, string | number>;
  /** Secret name → value, stored encrypted as the service's secrets. */
  secrets: Record<string, string>;
}

/** The real system behind one resource kind. Every step is idempotent: a re-run finds what exists. */
export interface ResourceDriver {
  provision(resource: Resource, password: string, log: DriverLog): Promise<Provisioned>;
  deprovision(resource: Resource, log: DriverLog): Promise<void>;
  /** Sets a new password on the real system; returns the secrets to store. */
  rotate(resource: Resource, password: string): Promise<Record<string, string>>;
}

/** Role, database and ACL user names: derived from the id, so a re-run finds the same objects. */
export const resourceObjectName = (resource: Pick<Resource, 'id'>): string =>
  `res_${resource.id.replace(/-/g, '').toLowerCase()}`;
