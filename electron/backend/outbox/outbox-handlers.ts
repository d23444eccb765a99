import type { Database } from 'better-sqlite3';
import type { IpcOutput, IpcParsedInput } from '../../../shared/contract';
import type { OutboxItem } from '../../../shared/ipc/contract';
import { IpcError } from '../ipc/ipc-error';
import { isInFlight } from './in-flight';
import type { LocalModel } from './local-model';
import {
  confirmMutation,
  discardMutation,
  getOutboxEntry,
  visibleOutbox,
  type OutboxEntry,
} from './outbox-store';
import { rebase } from './rebase';

type Sync<C extends OutboxCommand> = (input: IpcParsedInput<C>) => IpcOutput<C>;
type OutboxCommand = 'outbox:list' | 'outbox:confirm' | 'outbox:discard';

/** Synchronous (one SQLite transaction each); assignable to the IpcHandlers they join. */
export type OutboxHandlers = { [C in OutboxCommand]: Sync<C> };

export interface OutboxHandlerDeps {
  db: Database;
  model: LocalModel;
  onTablesChanged(tables: string[]): void;
  /** The outbox changed: update the pending count and push soon (the sync engine). */
  onLocalChange(): void;
  now?: () => Date;
}

const EXPIRED_REASON = {
  code: 'expired',
  message: 'Not sent in time. Confirm to send it anyway, or discard it.',
};

/** IPC for the outbox panel; every write is one SQLite transaction. */
export function createOutboxHandlers(deps: OutboxHandlerDeps): OutboxHandlers {
  const { db, model } = deps;
  const { mutators } = model;
  const now = deps.now ?? (() => new Date());

  const summary = (e: OutboxEntry): string => {
    const mutator = mutators.get(e.name);
    const args = mutator?.args.safeParse(e.args);
    return mutator && args?.success ? mutator.describe(db, args.data) : e.name;
  };

  const entryOr404 = (mutationId: number, statuses: OutboxEntry['status'][]): OutboxEntry => {
    const entry = getOutboxEntry(db, mutationId);
    if (!entry || !statuses.includes(entry.status)) {
      throw new IpcError('not_found', `no ${statuses.join(' or ')} change #${mutationId} in the outbox`);
    }
    return entry;
  };

  return {
    'outbox:list': () =>
      visibleOutbox(db).map((e): OutboxItem => ({
        mutationId: e.mutationId,
        name: e.name,
        summary: summary(e),
        createdAt: e.createdAt,
        status: e.status as OutboxItem['status'],
        reason: e.status === 'needs_confirmation' ? EXPIRED_REASON : e.reason,
        attempts: e.attempts,
        lastSentAt: e.sentAt,
        args: e.args,
      })),
    'outbox:confirm': ({ mutationId }) => {
      const entry = entryOr404(mutationId, ['needs_confirmation']);
      const maxAgeMs = mutators.get(entry.name)?.maxAgeMs;
      const at = now();
      const expiresAt = maxAgeMs === undefined ? null : new Date(at.getTime() + maxAgeMs).toISOString();
      const next = db.transaction(() => confirmMutation(db, mutationId, at.toISOString(), expiresAt))();
      deps.onTablesChanged(['outbox']);
      deps.onLocalChange();
      return { mutationId: next };
    },
    'outbox:discard': ({ mutationId }) => {
      // A pending change may be stuck behind a platform that keeps failing it: the user can drop
      // it (docs/architecture.md, "Sync and push"), except while its push is on the wire.
      entryOr404(mutationId, ['pending', 'needs_confirmation', 'rejected']);
      if (isInFlight(db, mutationId)) {
        throw new IpcError(
          'in_flight',
          `change #${mutationId} is being sent to the platform right now; try again once it is answered`,
        );
      }
      const tables = new Set<string>(['outbox']);
      // Discarding drops the change's local effect too: rebuild the optimistic view without it.
      db.transaction(() => {
        discardMutation(db, mutationId, now().toISOString());
        rebase(db, model, tables);
      })();
      deps.onTablesChanged([...tables].sort());
      deps.onLocalChange();
      return {};
    },
  };
}
