import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 46: an index behind every catalog sort, so a window of the table (rows 99,900
 * to 100,000 sorted by team, say) is a walk along one index, never a sort of the whole catalog
 * (docs/architecture.md, "Core"). Ties fall to the name, then the rowid every index holds (names
 * are unique on the platform). Each index carries the tier and lifecycle, so those filters are
 * checked inside it; the owner team's id is left out, as it would make every index much wider. Sorting by team needs the team's name on the
 * service row: `team_name` (the owner team's name, or its id until that team is synced), kept
 * by the catalog's writers and its team write hook. `services_facets` serves the facet counts.
 */
export const catalogSortIndexesMigration: Migration = {
  version: 46,
  name: 'catalog: team name on services, an index per sort, facet index',
  sql: `
      ALTER TABLE services ADD COLUMN team_name TEXT NOT NULL DEFAULT '';
      UPDATE services SET team_name = COALESCE((SELECT name FROM teams WHERE id = services.owner_team_id), owner_team_id);
      CREATE INDEX services_sort_name ON services (name COLLATE NOCASE, tier, lifecycle);
      CREATE INDEX services_sort_title ON services (title COLLATE NOCASE, name COLLATE NOCASE, tier, lifecycle);
      CREATE INDEX services_sort_team ON services (team_name COLLATE NOCASE, name COLLATE NOCASE, tier, lifecycle);
      CREATE INDEX services_sort_tier ON services (tier, name COLLATE NOCASE, lifecycle);
      CREATE INDEX services_sort_lifecycle ON services (
        (CASE lifecycle WHEN 'experimental' THEN 1 WHEN 'production' THEN 2 ELSE 3 END), name COLLATE NOCASE, tier);
      CREATE INDEX services_sort_updated ON services (updated_at, name COLLATE NOCASE, tier, lifecycle);
      CREATE INDEX services_facets ON services (owner_team_id, tier, lifecycle);
    `,
};
