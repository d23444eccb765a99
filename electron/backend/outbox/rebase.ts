import type { Database } from 'better-sqlite3';
import type { TouchedTables } from '../cache/synced-entities';
import { mutatorContext } from './local-mutator';
import type { LocalModel } from './local-model';
import { activeMutations } from './outbox-store';
import { takeShadows } from './shadow';

/**
 * Rebuilds the optimistic view (docs/architecture.md, "Sync and push"): every shadowed row goes back to the server's
 * version, then every still-active mutation is applied again in order (re-creating exactly the
 * shadows they touch). A rejected or discarded mutation's effect disappears; an applied one is
 * replaced by the server's truth once the pull brought it. Call inside a transaction.
 */
export function rebase(
  db: Database,
  model: LocalModel,
  tables: TouchedTables,
  log: (line: string) => void = () => {},
): void {
  const shadows = takeShadows(db);
  for (const s of shadows) model.entities.write(db, s.entity, s.id, s.data, tables);
  for (const m of activeMutations(db)) {
    const mutator = model.mutators.get(m.name);
    if (!mutator) continue;
    const args = mutator.args.safeParse(m.args);
    if (!args.success) continue;
    // A savepoint: one mutator failing on newer server data must not undo the others.
    try {
      db.transaction(() => mutator.apply(mutatorContext(db, model.entities, m, tables), args.data))();
    } catch (err) {
      log(
        `outbox: re-applying ${m.name} #${m.mutationId} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}

/** True when a rebase could change anything (cheap check before each page). */
export function needsRebase(db: Database): boolean {
  const row = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM shadow) OR EXISTS (SELECT 1 FROM outbox WHERE status IN ('pending', 'needs_confirmation') OR awaiting_pull = 1) AS yes`,
    )
    .get() as { yes: number };
  return row.yes === 1;
}
