import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { SupportRequest, SupportRow } from '../../../../shared/features/support/api';
import {
  SUPPORT_WINDOW_DEFAULT,
  SupportListQuery,
  type SupportListPage,
} from '../../../../shared/features/support/ipc';
import { slaClock, supportLoad } from '../../../../shared/domain/support-sla';
import { prepared } from '../../cache/prepared';
import { registerSupportSlaFunctions } from './sla-sql';
import { NO_RUNNING_CLOCK } from './sla-sort-key';

/**
 * Support requests from the cache, one window at a time, with their SLA clock and the support load
 * per capability (docs/architecture.md, "Core"). Every filter and sort runs in SQLite and every sort
 * walks an index of cache migration 50, so a window costs the same at row 0 and at row 100,000;
 * the SLA state comes from the domain's clock registered as a SQL function.
 */

type Query = z.output<typeof SupportListQuery>;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The domain's SLA state of row `r` at the time bound to the `?` it holds. */
const SLA_STATE = `support_sla_state(r.tier, r.kind, r.created_at, json_extract(r.data, '$.firstResponseAt'),
  json_extract(r.data, '$.resolvedAt'), json_extract(r.data, '$.escalatedAt'), ?)`;
/** Escalated, as the list shows it: by hand or breached and unanswered, and not resolved yet. */
const ESCALATED = `((${SLA_STATE} = 'breached' OR json_extract(r.data, '$.escalatedAt') IS NOT NULL) AND r.status <> 'resolved')`;

const TIER_LEVEL = "(CASE r.tier WHEN 'documentation' THEN 0 WHEN 'community' THEN 1 ELSE 2 END)";

/**
 * Each ORDER BY is written exactly as an index of migration 50 is, so SQLite walks that index
 * (test/backend/features/support/support-window.test.ts checks the plans).
 */
function orderBy(sort: Query['sort']): string {
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  switch (sort.column) {
    case 'slaDue':
      // Running clocks first (soonest or latest due first), then the rest newest first.
      return sort.direction === 'asc'
        ? 'r.sla_due_ms, r.created_at DESC, r.id'
        : `(CASE WHEN r.sla_due_ms >= ${NO_RUNNING_CLOCK} THEN -1 ELSE r.sla_due_ms END) DESC, r.created_at DESC, r.id`;
    case 'tier':
      return `${TIER_LEVEL} ${dir}, r.created_at DESC, r.id`;
    case 'created':
      return `r.created_at ${dir}, r.id ${dir}`;
  }
}

/** The WHERE clause of a query with its parameters, and whether it needs the team join (search). */
function filters(q: Query, nowMs: number): { where: string; params: unknown[]; joinsTeam: boolean } {
  const where: string[] = [];
  const params: unknown[] = [];
  const search = q.search.trim();
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      "(r.title LIKE ? ESCAPE '\\' OR r.capability LIKE ? ESCAPE '\\' OR t.name LIKE ? ESCAPE '\\')",
    );
    params.push(like, like, like);
  }
  for (const [column, values] of [
    ['status', q.statuses],
    ['tier', q.tiers],
    ['capability', q.capabilities],
  ] as const) {
    if (!values.length) continue;
    where.push(`r.${column} IN (${placeholders(values.length)})`);
    params.push(...values);
  }
  if (q.slaStates.length) {
    const states = q.slaStates.filter((s) => s !== 'escalated');
    const any: string[] = [];
    if (states.length) {
      any.push(`${SLA_STATE} IN (${placeholders(states.length)})`);
      params.push(nowMs, ...states);
    }
    if (q.slaStates.includes('escalated')) {
      any.push(ESCALATED);
      params.push(nowMs);
    }
    where.push(`(${any.join(' OR ')})`);
  }
  if (q.escalatedOnly) {
    where.push(ESCALATED);
    params.push(nowMs);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params, joinsTeam: Boolean(search) };
}

const SELECT_ROW = `SELECT r.id, r.data, t.name AS team_name, b.title AS item_title FROM support_requests r
  LEFT JOIN teams t ON t.id = r.team_id LEFT JOIN backlog_items b ON b.id = r.linked_item_id`;

interface Row {
  data: string;
  team_name: string | null;
  item_title: string | null;
}

const toRow = (r: Row, now: Date): SupportRow => {
  const request = JSON.parse(r.data) as SupportRequest;
  return { ...request, teamName: r.team_name, linkedItemTitle: r.item_title, sla: slaClock(request, now) };
};

/**
 * The SQL of one window's ids (exported for the query-plan test). Ids first, rows second: skipping
 * to row 9,900 then walks the sort index alone instead of reading 9,900 requests' JSON and joins.
 */
export function supportWindowSql(input: SupportListQuery, now: Date): { sql: string; params: unknown[] } {
  const q = SupportListQuery.parse(input);
  const { where, params, joinsTeam } = filters(q, now.getTime());
  return {
    sql: `SELECT r.id FROM support_requests r ${joinsTeam ? 'LEFT JOIN teams t ON t.id = r.team_id' : ''}
      ${where} ORDER BY ${orderBy(q.sort)} LIMIT ? OFFSET ?`,
    params: [...params, q.limit ?? SUPPORT_WINDOW_DEFAULT, q.offset ?? 0],
  };
}

export function listSupport(db: Database, input: SupportListQuery, now: Date = new Date()): SupportListPage {
  const q = SupportListQuery.parse(input);
  registerSupportSlaFunctions(db);
  const window = supportWindowSql(q, now);
  const ids = (prepared(db, window.sql).all(...window.params) as { id: string }[]).map((r) => r.id);
  const byId = new Map(
    (
      prepared(db, `${SELECT_ROW} WHERE r.id IN (SELECT value FROM json_each(?))`).all(
        JSON.stringify(ids),
      ) as (Row & { id: string })[]
    ).map((r) => [r.id, r]),
  );
  const rows = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toRow(row, now)] : [];
  });

  const { where, params, joinsTeam } = filters(q, now.getTime());
  const total = where
    ? (
        prepared(
          db,
          `SELECT COUNT(*) AS n FROM support_requests r
           ${joinsTeam ? 'LEFT JOIN teams t ON t.id = r.team_id' : ''} ${where}`,
        ).get(...params) as { n: number }
      ).n
    : null;
  const totalAll = (prepared(db, 'SELECT COUNT(*) AS n FROM support_requests').get() as { n: number }).n;
  // The filter's choices and the load per capability read many rows: the first window carries
  // them for the page, and a window scrolled into view further down does not repeat them.
  const first = (q.offset ?? 0) === 0;
  const capabilities = first
    ? (
        prepared(db, 'SELECT DISTINCT capability FROM support_requests ORDER BY capability').all() as {
          capability: string;
        }[]
      ).map((r) => r.capability)
    : [];
  // The load counts the last 30 days only; a day of slack covers timestamps written with an offset.
  const since = new Date(now.getTime() - 31 * 24 * 3_600_000).toISOString();
  const recent = first
    ? (prepared(
        db,
        'SELECT capability, created_at AS createdAt FROM support_requests WHERE created_at >= ?',
      ).all(since) as { capability: string; createdAt: string }[])
    : [];
  return {
    rows,
    offset: q.offset ?? 0,
    total: total ?? totalAll,
    totalAll,
    capabilities,
    load: supportLoad(recent, now),
  };
}

/** One request with its SLA clock, wherever it falls in the list. */
export function getSupportRow(db: Database, id: string, now: Date = new Date()): SupportRow | null {
  const row = prepared(db, `${SELECT_ROW} WHERE r.id = ?`).get(id) as Row | undefined;
  return row ? toRow(row, now) : null;
}
