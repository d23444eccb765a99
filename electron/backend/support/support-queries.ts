import type { Database } from 'better-sqlite3';
import {
  SupportQuery,
  type SupportPage,
  type SupportRequest,
  type SupportRow,
} from '../../../shared/api/support';
import { slaClock, supportLoad } from '../../../shared/domain/support-sla';

/** Support requests from the cache, with their SLA clock and the support load per capability. */

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export function listSupport(db: Database, input: SupportQuery, now: Date = new Date()): SupportPage {
  const q = SupportQuery.parse(input);
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.search.trim()) {
    where.push("(r.title LIKE ? ESCAPE '\\' OR r.capability LIKE ? ESCAPE '\\')");
    const like = `%${q.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like);
  }
  if (q.statuses.length) {
    where.push(`r.status IN (${placeholders(q.statuses.length)})`);
    params.push(...q.statuses);
  }
  if (q.capabilities.length) {
    where.push(`r.capability IN (${placeholders(q.capabilities.length)})`);
    params.push(...q.capabilities);
  }
  const rows = db
    .prepare(
      `SELECT r.data, t.name AS team_name, b.title AS item_title FROM support_requests r
       LEFT JOIN teams t ON t.id = r.team_id LEFT JOIN backlog_items b ON b.id = r.linked_item_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.created_at DESC, r.id`,
    )
    .all(...params) as { data: string; team_name: string | null; item_title: string | null }[];
  let out: SupportRow[] = rows.map((r) => {
    const request = JSON.parse(r.data) as SupportRequest;
    return { ...request, teamName: r.team_name, linkedItemTitle: r.item_title, sla: slaClock(request, now) };
  });
  if (q.escalatedOnly) out = out.filter((r) => r.sla.escalate && r.status !== 'resolved');
  const all = db.prepare('SELECT capability, created_at AS createdAt FROM support_requests').all() as {
    capability: string;
    createdAt: string;
  }[];
  return { rows: out, total: out.length, totalAll: all.length, load: supportLoad(all, now) };
}
