import type { Database } from 'better-sqlite3';
import {
  type BacklogItem,
  BacklogQuery,
  BacklogWeights,
  type BacklogListRow,
  type BacklogRow,
  type RoadmapView,
} from '../../../../shared/features/backlog/api';
import { DEFAULT_WEIGHTS, scoreBacklog, type ScoredItem } from '../../../../shared/domain/prioritization';
import { BacklogListQuery, type BacklogListPage } from '../../../../shared/features/backlog/ipc';

/**
 * Backlog reads, from the cache only (they work offline). SQLite filters and orders by the stored
 * columns; the model scores are computed over the whole backlog (a band is a percentile of it), so
 * filtering never changes an item's score or band.
 */

type ParsedQuery = ReturnType<typeof BacklogQuery.parse>;

const sortSql = {
  rank: 'rank, id',
  title: 'title COLLATE NOCASE, id',
  demand: 'demand_teams, rank, id',
  status: `CASE status WHEN 'in_progress' THEN 1 WHEN 'planned' THEN 2 WHEN 'proposed' THEN 3 WHEN 'done' THEN 4 ELSE 5 END, rank, id`,
  updatedAt: 'updated_at, id',
} as const;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export function readWeights(db: Database): { demand: number; strategy: number } {
  const row = db.prepare("SELECT data FROM backlog_weights WHERE id = 'default'").get() as
    { data: string } | undefined;
  if (!row) return { ...DEFAULT_WEIGHTS };
  const w = BacklogWeights.parse(JSON.parse(row.data));
  return { demand: w.demand, strategy: w.strategy };
}

function teamsById(db: Database): Map<string, { name: string; size: number }> {
  const rows = db.prepare('SELECT id, name, data FROM teams').all() as {
    id: string;
    name: string;
    data: string;
  }[];
  return new Map(
    rows.map((r) => [r.id, { name: r.name, size: (JSON.parse(r.data) as { size?: number }).size ?? 0 }]),
  );
}

interface Snapshot {
  version: number;
  /** Each item's `data` text as read, to re-parse only rows that changed. */
  raw: Map<string, string>;
  items: Map<string, BacklogItem>;
  teams: Map<string, { name: string; size: number }>;
  /** What scores depend on (every item's score inputs, team sizes, weights). */
  scoreInputs: string;
  scored: Map<string, Map<string, ScoredItem>>;
  rows: Map<string, Map<string, BacklogRow>>;
  /** Linked support requests per item (shown on rows). */
  links: Map<string, number>;
  /** The previous snapshot's rows when only some items changed: unchanged items keep their row. */
  reusable: { items: Map<string, BacklogItem>; rows: Map<string, Map<string, BacklogRow>> } | null;
}

// Parsed items and scores, reused until the cache changes: this backend is the cache's one writer
// (docs/architecture.md, "Core"), so the connection's total_changes() moves on every pull and every local edit.
const snapshots = new WeakMap<Database, Snapshot>();

/** An item minus what never changes a score (its place in the lead's order, texts, times). */
const scoreInputsOf = ({
  rank: _r,
  rankManual: _m,
  title: _t,
  description: _d,
  updatedAt: _u,
  ...rest
}: BacklogItem) =>
  // Keys sorted: a local edit may rebuild the object in another key order.
  JSON.stringify(rest, Object.keys(rest).sort());

function snapshot(db: Database): Snapshot {
  const { version } = db.prepare('SELECT total_changes() AS version').get() as { version: number };
  const previous = snapshots.get(db);
  if (previous && previous.version === version) return previous;
  // Parse only what changed: a re-rank rewrites one row of thousands.
  const raw = new Map<string, string>();
  const items = new Map<string, BacklogItem>();
  for (const r of db.prepare('SELECT id, data FROM backlog_items').all() as { id: string; data: string }[]) {
    raw.set(r.id, r.data);
    const unchanged = previous?.raw.get(r.id) === r.data ? previous.items.get(r.id) : undefined;
    items.set(r.id, unchanged ?? (JSON.parse(r.data) as BacklogItem));
  }
  const teams = teamsById(db);
  const inputs: string[] = [JSON.stringify(readWeights(db)), JSON.stringify([...teams])];
  for (const item of items.values()) inputs.push(scoreInputsOf(item));
  const scoreInputs = inputs.join('\n');
  const links = new Map(
    (
      db
        .prepare(
          'SELECT linked_item_id AS id, COUNT(*) AS n FROM support_requests WHERE linked_item_id IS NOT NULL GROUP BY 1',
        )
        .all() as { id: string; n: number }[]
    ).map((r) => [r.id, r.n]),
  );
  // A move changes the order, not any score: keep the scores (bands are percentiles of them).
  const sameScores = previous !== undefined && previous.scoreInputs === scoreInputs;
  const sameLinks =
    previous !== undefined &&
    previous.links.size === links.size &&
    [...links].every(([id, n]) => previous.links.get(id) === n);
  const next: Snapshot = {
    version,
    raw,
    items,
    teams,
    scoreInputs,
    scored: sameScores ? previous.scored : new Map(),
    rows: new Map<string, Map<string, BacklogRow>>(),
    links,
    reusable: sameScores && sameLinks ? { items: previous.items, rows: previous.rows } : null,
  };
  snapshots.set(db, next);
  return next;
}

/** Every item scored with `model`, keyed by id (the whole backlog: bands are percentiles of it). */
export function scoredBacklog(db: Database, model: ParsedQuery['model']) {
  const snap = snapshot(db);
  let scores = snap.scored.get(model);
  if (!scores) {
    const { teams } = snap;
    const scored = scoreBacklog(
      [...snap.items.values()].map((i) => ({
        ...i,
        demandTeamSizes: i.demandTeamIds.map((t) => teams.get(t)?.size ?? 0),
      })),
      model,
      readWeights(db),
    );
    scores = new Map(scored.map((s) => [s.id, s]));
    snap.scored.set(model, scores);
  }
  return { scores, teams: snap.teams, items: snap.items };
}

/** Every item as a list row (item + score, band, breakdown, team names), built once per cache version and model. */
function backlogRows(db: Database, model: ParsedQuery['model']): Map<string, BacklogRow> {
  const snap = snapshot(db);
  const cached = snap.rows.get(model);
  if (cached) return cached;
  const { scores, teams, items } = scoredBacklog(db, model);
  const { links } = snap;
  const previousRows = snap.reusable?.rows.get(model);
  const rows = new Map<string, BacklogRow>();
  for (const item of items.values()) {
    // Same parsed item, same scores and links as before: its row is still right.
    const kept = previousRows?.get(item.id);
    if (kept && snap.reusable?.items.get(item.id) === item) {
      rows.set(item.id, kept);
      continue;
    }
    const s = scores.get(item.id);
    rows.set(item.id, {
      ...item,
      score: s?.score ?? 0,
      band: s?.band ?? 'P3',
      modelPosition: s?.position ?? 0,
      terms: s?.terms ?? [],
      formula: s?.formula ?? '',
      demandTeamNames: item.demandTeamIds.map((t) => teams.get(t)?.name ?? t),
      demandPeople: item.demandTeamIds.reduce((sum, t) => sum + (teams.get(t)?.size ?? 0), 0),
      linkedRequests: links.get(item.id) ?? 0,
    });
  }
  snap.rows.set(model, rows);
  return rows;
}

/**
 * The matching items' ids in the query's order. SQLite filters and orders by the stored columns
 * (an index behind every sort, cache migration 49); the model score is not a column, so that order
 * is made here from the cached scores, ties in the lead's order.
 */
function orderedIds(db: Database, q: ParsedQuery): string[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.search.trim()) {
    where.push("(title LIKE ? ESCAPE '\\' OR capability LIKE ? ESCAPE '\\')");
    const like = `%${q.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like);
  }
  if (q.statuses.length) {
    where.push(`status IN (${placeholders(q.statuses.length)})`);
    params.push(...q.statuses);
  }
  if (q.phases.length) {
    where.push(`phase IN (${placeholders(q.phases.length)})`);
    params.push(...q.phases);
  }
  if (q.capabilities.length) {
    where.push(`capability IN (${placeholders(q.capabilities.length)})`);
    params.push(...q.capabilities);
  }
  const ids = (
    db
      .prepare(backlogOrderSql(q.sort, where.length ? `WHERE ${where.join(' AND ')}` : ''))
      .all(...params) as {
      id: string;
    }[]
  ).map((r) => r.id);
  if (q.sort.column !== 'score') return ids;
  const { scores, items } = scoredBacklog(db, q.model);
  const sign = q.sort.direction === 'desc' ? -1 : 1;
  const score = (id: string) => scores.get(id)?.score ?? 0;
  const rank = (id: string) => items.get(id)?.rank ?? '';
  return ids.sort(
    (a, b) => sign * (score(a) - score(b)) || (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0),
  );
}

/** The ids query of one sort (exported for the query-plan test: every sort walks an index). */
export function backlogOrderSql(sort: ParsedQuery['sort'], where = ''): string {
  const column = sort.column === 'score' ? 'rank' : sort.column;
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const order = sortSql[column]
    .split(', ')
    .map((part) => `${part} ${direction}`)
    .join(', ');
  return `SELECT id FROM backlog_items ${where} ORDER BY ${order}`;
}

/** The matching items as full rows (with description and breakdown), in the query's order. */
export function queryBacklogRows(db: Database, input: BacklogQuery): BacklogRow[] {
  const q = BacklogQuery.parse(input);
  const byId = backlogRows(db, q.model);
  return orderedIds(db, q).flatMap((id) => byId.get(id) ?? []);
}

// List rows are the full rows minus long texts; rows are reused across versions, so are these.
const listRows = new WeakMap<BacklogRow, BacklogListRow>();
const toListRow = (full: BacklogRow): BacklogListRow => {
  let row = listRows.get(full);
  if (!row) {
    const { description: _description, terms: _terms, formula: _formula, ...rest } = full;
    row = rest;
    listRows.set(full, row);
  }
  return row;
};

/**
 * One window of the list (or every match when no limit is asked), with the counts, the weights,
 * the capabilities and, when asked, where an item sits in the whole order.
 */
export function listBacklog(db: Database, input: BacklogListQuery): BacklogListPage {
  const q = BacklogListQuery.parse(input);
  const ids = orderedIds(db, q);
  const offset = q.offset ?? 0;
  const byId = backlogRows(db, q.model);
  const rows = ids
    .slice(offset, q.limit === undefined ? undefined : offset + q.limit)
    .flatMap((id) => byId.get(id) ?? [])
    .map(toListRow);
  const located = q.locate === undefined ? -1 : ids.indexOf(q.locate);
  const totalAll = (db.prepare('SELECT COUNT(*) AS n FROM backlog_items').get() as { n: number }).n;
  const capabilities = (
    db.prepare('SELECT DISTINCT capability FROM backlog_items ORDER BY capability').all() as {
      capability: string;
    }[]
  ).map((r) => r.capability);
  return {
    rows,
    offset,
    located: located < 0 ? null : located,
    total: ids.length,
    totalAll,
    weights: readWeights(db),
    capabilities,
  };
}

/** One item with its breakdown, or null when it is not (or no longer) in the cache. */
export function getBacklogRow(db: Database, id: string, model: ParsedQuery['model']): BacklogRow | null {
  return backlogRows(db, model).get(id) ?? null;
}

const PHASES = ['foundation', 'common_needs', 'advanced'] as const;
const STATUS_ORDER = { done: 0, in_progress: 1, planned: 2, proposed: 3, declined: 4 } as const;

/** Foundation → Common needs → Advanced: each phase's items by status, in the lead's order, and what shipped. */
export function roadmap(db: Database): RoadmapView {
  const items = (
    db.prepare('SELECT data FROM backlog_items ORDER BY rank, id').all() as { data: string }[]
  ).map((r) => JSON.parse(r.data) as BacklogItem);
  return {
    phases: PHASES.map((phase) => {
      const inPhase = items
        .filter((i) => i.phase === phase)
        .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
      return {
        phase,
        items: inPhase.map(({ id, title, status, capability, shippedAt }) => ({
          id,
          title,
          status,
          capability,
          shippedAt,
        })),
        shipped: inPhase.filter((i) => i.status === 'done').length,
        total: inPhase.filter((i) => i.status !== 'declined').length,
      };
    }),
  };
}
