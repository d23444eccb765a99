import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import {
  SupportQuery,
  type SupportPage,
  type SupportRequest,
  type SupportRow,
} from '../../../../shared/features/support/api';
import { slaClock, supportLoad } from '../../../../shared/domain/support-sla';
import { registerSupportSlaFunctions } from './sla-sql';

/**
 * Support requests from the cache, with their SLA clock and the support load per capability. Every
 * filter and sort runs in SQLite (issue 4: 1,000 requests stay instant); the SLA state and due time
 * come from the domain's clock registered as SQL functions.
 */

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Escalated, as the list shows it: by hand or breached and unanswered, and not resolved yet. */
const ESCALATED = "((s.sla_state = 'breached' OR s.escalated_at IS NOT NULL) AND s.status <> 'resolved')";
const RUNNING = "s.sla_state IN ('on_track', 'at_risk', 'breached')";

function orderBy(sort: z.output<typeof SupportQuery>['sort']): string {
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  switch (sort.column) {
    case 'slaDue':
      // Only a running clock has a meaningful due time; the rest follow, newest first.
      return `(${RUNNING}) DESC, CASE WHEN ${RUNNING} THEN s.due_ms END ${dir}, s.created_at DESC, s.id`;
    case 'tier':
      return `CASE s.tier WHEN 'documentation' THEN 0 WHEN 'community' THEN 1 ELSE 2 END ${dir}, s.created_at DESC, s.id`;
    case 'created':
      return `s.created_at ${dir}, s.id`;
  }
}

export function listSupport(db: Database, input: SupportQuery, now: Date = new Date()): SupportPage {
  const q = SupportQuery.parse(input);
  registerSupportSlaFunctions(db);
  const where: string[] = [];
  const params: unknown[] = [now.getTime()];
  if (q.search.trim()) {
    const like = `%${q.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      "(s.title LIKE ? ESCAPE '\\' OR s.capability LIKE ? ESCAPE '\\' OR t.name LIKE ? ESCAPE '\\')",
    );
    params.push(like, like, like);
  }
  for (const [column, values] of [
    ['status', q.statuses],
    ['tier', q.tiers],
    ['capability', q.capabilities],
  ] as const) {
    if (!values.length) continue;
    where.push(`s.${column} IN (${placeholders(values.length)})`);
    params.push(...values);
  }
  if (q.slaStates.length) {
    const states = q.slaStates.filter((s) => s !== 'escalated');
    const any = [
      ...(states.length ? [`s.sla_state IN (${placeholders(states.length)})`] : []),
      ...(q.slaStates.includes('escalated') ? [ESCALATED] : []),
    ];
    where.push(`(${any.join(' OR ')})`);
    params.push(...states);
  }
  if (q.escalatedOnly) where.push(ESCALATED);
  const rows = db
    .prepare(
      `WITH s AS (
         SELECT r.*,
           json_extract(r.data, '$.escalatedAt') AS escalated_at,
           support_sla_state(r.tier, r.kind, r.created_at, json_extract(r.data, '$.firstResponseAt'),
             json_extract(r.data, '$.resolvedAt'), json_extract(r.data, '$.escalatedAt'), ?) AS sla_state,
           support_sla_due_ms(r.tier, r.kind, r.created_at) AS due_ms
         FROM support_requests r
       )
       SELECT s.data, t.name AS team_name, b.title AS item_title FROM s
       LEFT JOIN teams t ON t.id = s.team_id LEFT JOIN backlog_items b ON b.id = s.linked_item_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${orderBy(q.sort)}`,
    )
    .all(...params) as { data: string; team_name: string | null; item_title: string | null }[];
  const out: SupportRow[] = rows.map((r) => {
    const request = JSON.parse(r.data) as SupportRequest;
    return { ...request, teamName: r.team_name, linkedItemTitle: r.item_title, sla: slaClock(request, now) };
  });
  const all = db.prepare('SELECT capability, created_at AS createdAt FROM support_requests').all() as {
    capability: string;
    createdAt: string;
  }[];
  const capabilities = [...new Set(all.map((r) => r.capability))].sort();
  return { rows: out, total: out.length, totalAll: all.length, capabilities, load: supportLoad(all, now) };
}
