import type { Database } from 'better-sqlite3';
import { prepared } from './prepared';

type SqlValue = string | number | bigint | Buffer | null;

/** Upsert SQL per table and column list: built once, not for every row of a 100,000-row sync. */
const sqlByShape = new Map<string, string>();

function upsertSql(table: string, names: readonly string[]): string {
  const key = `${table}\u0000${names.join(',')}`;
  let sql = sqlByShape.get(key);
  if (sql === undefined) {
    sql = `INSERT INTO ${table} (id, ${names.join(', ')}) VALUES (?${', ?'.repeat(names.length)})
     ON CONFLICT (id) DO UPDATE SET ${names.map((name) => `${name} = excluded.${name}`).join(', ')}`;
    sqlByShape.set(key, sql);
  }
  return sql;
}

/**
 * Upserts one synced row: a few typed columns that SQL filters and sorts on, plus the entity's
 * full API shape in `data` (what rebase and the handlers read back). `table` and the column names
 * are constants of the caller, never input; each distinct column list compiles once.
 */
export function upsertSynced(
  db: Database,
  table: string,
  id: string,
  columns: Record<string, SqlValue>,
  data: unknown,
): void {
  const names = [...Object.keys(columns), 'data'];
  prepared(db, upsertSql(table, names)).run(id, ...Object.values(columns), JSON.stringify(data));
}
