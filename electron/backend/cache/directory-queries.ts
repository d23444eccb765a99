import type { Database } from 'better-sqlite3';
import { Team } from '../../../shared/api/directory';

/** Every team, by name: the directory is core, read by `teams:list` and many features. */
export function listTeams(db: Database): Team[] {
  const rows = db.prepare('SELECT data FROM teams ORDER BY name COLLATE NOCASE, id').all() as {
    data: string;
  }[];
  return rows.map((r) => Team.parse(JSON.parse(r.data)));
}
