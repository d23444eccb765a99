import type { Database } from 'better-sqlite3';
import { Environment, Lifecycle, Service, type Tier } from '../../../../shared/features/catalog/api';
import { Team } from '../../../../shared/api/directory';
import {
  CatalogQuery,
  type CatalogPage,
  type CatalogSortColumn,
  type ServiceDetail,
  type ServiceRow,
} from '../../../../shared/features/catalog/ipc';
import { toFtsQuery } from './fts-query';

type ParsedQuery = ReturnType<typeof CatalogQuery.parse>;

interface Condition {
  sql: string;
  params: unknown[];
}

type FacetName = 'teams' | 'tiers' | 'lifecycles';

/** Lifecycle sorts by stage, not alphabetically. */
const lifecycleRank = `CASE s.lifecycle WHEN 'experimental' THEN 1 WHEN 'production' THEN 2 ELSE 3 END`;

const sortSql: Record<CatalogSortColumn, string> = {
  name: 's.name COLLATE NOCASE',
  title: 's.title COLLATE NOCASE',
  team: `COALESCE(t.name, s.owner_team_id) COLLATE NOCASE`,
  tier: 's.tier',
  lifecycle: lifecycleRank,
  updatedAt: 's.updated_at',
};

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

function conditions(q: ParsedQuery): {
  search: Condition | null;
  facets: Record<FacetName, Condition | null>;
} {
  const fts = toFtsQuery(q.search);
  return {
    search: fts
      ? { sql: 's.rowid IN (SELECT rowid FROM services_fts WHERE services_fts MATCH ?)', params: [fts] }
      : null,
    facets: {
      teams: q.teamIds.length
        ? { sql: `s.owner_team_id IN (${placeholders(q.teamIds.length)})`, params: q.teamIds }
        : null,
      tiers: q.tiers.length ? { sql: `s.tier IN (${placeholders(q.tiers.length)})`, params: q.tiers } : null,
      lifecycles: q.lifecycles.length
        ? { sql: `s.lifecycle IN (${placeholders(q.lifecycles.length)})`, params: q.lifecycles }
        : null,
    },
  };
}

function where(parts: (Condition | null)[]): Condition {
  const present = parts.filter((p): p is Condition => p !== null);
  if (present.length === 0) return { sql: '', params: [] };
  return {
    sql: `WHERE ${present.map((p) => p.sql).join(' AND ')}`,
    params: present.flatMap((p) => p.params),
  };
}

interface ServiceSqlRow {
  id: string;
  name: string;
  title: string;
  description: string;
  owner_team_id: string;
  team_name: string | null;
  tier: number;
  lifecycle: string;
  tags: string;
  updated_at: string;
}

const toRow = (r: ServiceSqlRow): ServiceRow => ({
  id: r.id,
  name: r.name,
  title: r.title,
  description: r.description,
  ownerTeamId: r.owner_team_id,
  ownerTeamName: r.team_name,
  tier: r.tier as Tier,
  lifecycle: Lifecycle.parse(r.lifecycle),
  tags: JSON.parse(r.tags) as string[],
  updatedAt: r.updated_at,
});

/**
 * The catalog table: search + filters + sort, with `total`, `totalAll` and facet counts. Each
 * facet is counted under the search and the OTHER facets' filters (Linear/Algolia), so picking
 * a team still shows how many services every other team would add.
 */
export function listCatalog(db: Database, input: unknown): CatalogPage {
  const q = CatalogQuery.parse(input);
  const c = conditions(q);
  const all = where([c.search, c.facets.teams, c.facets.tiers, c.facets.lifecycles]);
  const order = `${sortSql[q.sort.column]} ${q.sort.direction === 'asc' ? 'ASC' : 'DESC'}, s.name COLLATE NOCASE ASC, s.id ASC`;

  const rows = db
    .prepare(
      `SELECT s.id, s.name, s.title, s.description, s.owner_team_id, t.name AS team_name, s.tier, s.lifecycle,
              s.tags, s.updated_at
       FROM services s LEFT JOIN teams t ON t.id = s.owner_team_id
       ${all.sql} ORDER BY ${order}`,
    )
    .all(...all.params) as ServiceSqlRow[];

  const totalAll = (db.prepare('SELECT COUNT(*) AS n FROM services').get() as { n: number }).n;

  const others = (facet: FacetName) =>
    where([
      c.search,
      ...(Object.keys(c.facets) as FacetName[]).filter((f) => f !== facet).map((f) => c.facets[f]),
    ]);

  const teamWhere = others('teams');
  const teamCounts = new Map(
    (
      db
        .prepare(`SELECT s.owner_team_id AS value, COUNT(*) AS n FROM services s ${teamWhere.sql} GROUP BY 1`)
        .all(...teamWhere.params) as { value: string; n: number }[]
    ).map((r) => [r.value, r.n]),
  );
  const teamNames = db.prepare('SELECT id, name FROM teams ORDER BY name COLLATE NOCASE, id').all() as {
    id: string;
    name: string;
  }[];
  // Every known team (so a selected team with no matches stays visible), plus owners not synced yet.
  const teams = teamNames.map((t) => ({ value: t.id, label: t.name, count: teamCounts.get(t.id) ?? 0 }));
  const known = new Set(teamNames.map((t) => t.id));
  for (const [id, n] of teamCounts) if (!known.has(id)) teams.push({ value: id, label: id, count: n });

  const tierWhere = others('tiers');
  const tierCounts = new Map(
    (
      db
        .prepare(`SELECT s.tier AS value, COUNT(*) AS n FROM services s ${tierWhere.sql} GROUP BY 1`)
        .all(...tierWhere.params) as { value: number; n: number }[]
    ).map((r) => [r.value, r.n]),
  );
  const tiers = ([1, 2, 3, 4] as const).map((tier) => ({
    value: tier,
    label: `Tier ${tier}`,
    count: tierCounts.get(tier) ?? 0,
  }));

  const lcWhere = others('lifecycles');
  const lcCounts = new Map(
    (
      db
        .prepare(`SELECT s.lifecycle AS value, COUNT(*) AS n FROM services s ${lcWhere.sql} GROUP BY 1`)
        .all(...lcWhere.params) as { value: string; n: number }[]
    ).map((r) => [r.value, r.n]),
  );
  const lifecycles = Lifecycle.options.map((lc) => ({
    value: lc,
    label: lc.charAt(0).toUpperCase() + lc.slice(1),
    count: lcCounts.get(lc) ?? 0,
  }));

  return { rows: rows.map(toRow), total: rows.length, totalAll, facets: { teams, tiers, lifecycles } };
}

/** One service with its owner team and the environments it can be deployed to. */
export function getServiceDetail(db: Database, id: string): ServiceDetail | null {
  const row = db.prepare('SELECT data FROM services WHERE id = ?').get(id) as { data: string } | undefined;
  if (!row) return null;
  const service = Service.parse(JSON.parse(row.data));
  const team = db.prepare('SELECT data FROM teams WHERE id = ?').get(service.ownerTeamId) as
    { data: string } | undefined;
  return {
    ...service,
    ownerTeam: team ? Team.parse(JSON.parse(team.data)) : null,
    environments: listEnvironments(db),
  };
}

export function listEnvironments(db: Database): Environment[] {
  const rows = db.prepare('SELECT data FROM environments ORDER BY position, name').all() as {
    data: string;
  }[];
  return rows.map((r) => Environment.parse(JSON.parse(r.data)));
}

/** A service's name for a one-line summary (the outbox panel), or 'a deleted service'. */
export function serviceName(db: Database, id: string): string {
  const row = db.prepare('SELECT name FROM services WHERE id = ?').get(id) as { name: string } | undefined;
  return row?.name ?? 'a deleted service';
}
