import type { Database } from 'better-sqlite3';
import { EnvironmentName } from '../../../../shared/features/catalog/api';
import { Flag, type FlagProblem, type ServiceFlags } from '../../../../shared/features/flags/api';
import { visibleOutbox } from '../../outbox/outbox-store';

const FLAG_MUTATIONS = new Set(['flag.create', 'flag.update', 'flag.delete']);

interface FlagArgs {
  id?: unknown;
  serviceId?: unknown;
  key?: unknown;
  environment?: unknown;
}

/**
 * A service's flags as the user sees them (optimistic), each marked pending while a change of it
 * waits in the outbox; plus the flag changes the platform refused or that wait for confirmation,
 * with their reason (a refused change's effect is already rolled back by the rebase).
 */
export function serviceFlags(db: Database, serviceId: string): ServiceFlags {
  const rows = db
    .prepare(
      `SELECT data FROM flags WHERE service_id = ?
        ORDER BY CASE environment WHEN 'development' THEN 0 WHEN 'staging' THEN 1 ELSE 2 END, key`,
    )
    .all(serviceId) as { data: string }[];
  const flags = rows.map((row) => Flag.parse(JSON.parse(row.data)));
  const known = new Map(flags.map((flag) => [flag.id, flag]));
  const pending = new Set<string>();
  const problems: FlagProblem[] = [];
  for (const entry of visibleOutbox(db)) {
    if (!FLAG_MUTATIONS.has(entry.name)) continue;
    const args = (entry.args ?? {}) as FlagArgs;
    const flagId = typeof args.id === 'string' ? args.id : null;
    const flag = flagId === null ? undefined : known.get(flagId);
    // Creates and deletes name their service; an update is this service's when its flag is here.
    if (args.serviceId !== serviceId && !flag) continue;
    if (entry.status !== 'rejected' && flagId) pending.add(flagId);
    if (entry.status === 'pending') continue;
    const environment = EnvironmentName.safeParse(args.environment ?? flag?.environment);
    problems.push({
      mutationId: entry.mutationId,
      name: entry.name,
      flagId,
      key: typeof args.key === 'string' ? args.key : (flag?.key ?? null),
      environment: environment.success ? environment.data : null,
      status: entry.status === 'rejected' ? 'rejected' : 'needs_confirmation',
      reason: entry.reason,
    });
  }
  return { flags: flags.map((flag) => ({ ...flag, pending: pending.has(flag.id) })), problems };
}
