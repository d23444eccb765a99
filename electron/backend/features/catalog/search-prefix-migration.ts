import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 48: the search index keeps ready-made lists for the first one and two letters
 * of every word (FTS5 `prefix='1 2'`). The first keystroke of a search ("p") otherwise merges the
 * lists of every word starting with p across the catalog, and testing one row against it (the
 * walk along a sort index) costs a whole merge each time. The table is built again with the
 * option and filled as the catalog's writers fill it (docs/architecture.md, "Numbers").
 */
export const catalogSearchPrefixMigration: Migration = {
  version: 48,
  name: 'catalog: search index with one- and two-letter prefix lists',
  sql: `
      DROP TABLE services_fts;
      CREATE VIRTUAL TABLE services_fts USING fts5 (
        name, title, description, tags, team_name,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2'
      );
      INSERT INTO services_fts (rowid, name, title, description, tags, team_name)
        SELECT s.rowid, s.name, s.title, s.description,
               COALESCE((SELECT group_concat(value, ' ') FROM json_each(s.tags)), ''),
               COALESCE((SELECT name FROM teams WHERE id = s.owner_team_id), '')
        FROM services s;
    `,
};
