import type { Database } from 'better-sqlite3';
import type { TouchedTables } from '../cache/synced-entities';
import { IpcError } from '../ipc/ipc-error';
import { mutatorContext } from './local-mutator';
import type { LocalModel } from './local-model';
import { insertOutboxRow, nextMutationId, type OutboxEntry } from './outbox-store';

export interface Enqueued {
  entry: OutboxEntry;
  /** Tables the optimistic effect wrote (plus `outbox`): emit them as `tables:changed`. */
  tables: string[];
}

/**
 * Records a user's change: the outbox row AND its optimistic local effect in ONE SQLite
 * transaction (synchronous=FULL), so a crash keeps both or neither. The sync engine sends it.
 */
export function enqueue(
  db: Database,
  model: LocalModel,
  name: string,
  args: unknown,
  now: Date = new Date(),
): Enqueued {
  const mutator = model.mutators.get(name);
  if (!mutator) throw new IpcError('unknown_mutation', `no local mutator for ${name}`);
  const parsed = mutator.args.safeParse(args);
  if (!parsed.success) {
    throw new IpcError('invalid_input', `${name}: ${parsed.error.issues[0]?.message ?? 'invalid arguments'}`);
  }
  const tables: TouchedTables = new Set(['outbox']);
  const entry = db.transaction(() => {
    const createdAt = now.toISOString();
    const expiresAt =
      mutator.maxAgeMs === undefined ? null : new Date(now.getTime() + mutator.maxAgeMs).toISOString();
    const row = insertOutboxRow(db, {
      mutationId: nextMutationId(db),
      name,
      args: parsed.data,
      createdAt,
      expiresAt,
    });
    mutator.apply(mutatorContext(db, model.entities, row, tables), parsed.data);
    return row;
  })();
  return { entry, tables: [...tables].sort() };
}
