import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 47: how many services each (owner team, tier, lifecycle) holds, kept by the
 * catalog's writers in the transaction of every write (`facet-counts.ts`) and emptied with the
 * synced tables on a resync. The catalog's counts with no search then read a few hundred cells
 * instead of counting 100,000 rows after every write (docs/architecture.md, "Numbers"). Triggers
 * would keep it too, but cost about as much per pulled row as the upsert itself.
 */
export const catalogFacetCountsMigration: Migration = {
  version: 47,
  name: 'catalog: service counts per team, tier and lifecycle',
  sql: `
      CREATE TABLE service_facet_counts (
        team TEXT NOT NULL,
        tier INTEGER NOT NULL,
        lifecycle TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (team, tier, lifecycle)
      ) WITHOUT ROWID;
      INSERT INTO service_facet_counts (team, tier, lifecycle, n)
        SELECT owner_team_id, tier, lifecycle, COUNT(*) FROM services GROUP BY 1, 2, 3;
    `,
};
