import type { Database } from 'better-sqlite3';
import { prepared } from '../../cache/prepared';
import { entityWriteHook, entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';

const teamNameSql = `COALESCE((SELECT name FROM teams WHERE id = ?), '')`;

/** The owner team's name is searchable, so a team rename or delete re-indexes its services. */
function refreshTeamNameInSearch(db: Database, teamId: string): void {
  prepared(
    db,
    `UPDATE services_fts SET team_name = ${teamNameSql}
     WHERE rowid IN (SELECT rowid FROM services WHERE owner_team_id = ?)`,
  ).run(teamId, teamId);
}

/** Services (with their search row) and environments; pulls and optimistic writes alike go through these. */
export const catalogWriters = [
  entityWriter({
    entity: 'service',
    table: 'services',
    put(db, s) {
      // The upsert keeps the row's rowid, which is also its services_fts rowid.
      upsertSynced(
        db,
        'services',
        s.id,
        {
          name: s.name,
          title: s.title,
          description: s.description,
          owner_team_id: s.ownerTeamId,
          tier: s.tier,
          lifecycle: s.lifecycle,
          tags: JSON.stringify(s.tags),
          updated_at: s.updatedAt,
        },
        s,
      );
      const { rowid } = prepared(db, 'SELECT rowid FROM services WHERE id = ?').get(s.id) as {
        rowid: number;
      };
      prepared(db, 'DELETE FROM services_fts WHERE rowid = ?').run(rowid);
      prepared(
        db,
        `INSERT INTO services_fts (rowid, name, title, description, tags, team_name)
         VALUES (?, ?, ?, ?, ?, ${teamNameSql})`,
      ).run(rowid, s.name, s.title, s.description, s.tags.join(' '), s.ownerTeamId);
    },
    delete(db, id) {
      prepared(db, 'DELETE FROM services_fts WHERE rowid = (SELECT rowid FROM services WHERE id = ?)').run(
        id,
      );
      prepared(db, 'DELETE FROM services WHERE id = ?').run(id);
    },
  }),
  entityWriter({
    entity: 'environment',
    table: 'environments',
    put: (db, env) =>
      upsertSynced(db, 'environments', env.id, { name: env.name, position: env.position }, env),
  }),
];

/** Service rows show their owner team's name, and search finds it: a team write re-indexes them. */
export const catalogWriteHooks = [
  entityWriteHook({
    entity: 'team',
    afterWrite(db, teamId, touched) {
      refreshTeamNameInSearch(db, teamId);
      touched.add('services');
    },
  }),
];
