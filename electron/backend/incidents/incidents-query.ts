import type { Database } from 'better-sqlite3';
import { Incident, type IncidentView } from '../../../shared/features/self-service/api';

const LIMIT = 500;

/** Incidents, open first then newest, with their service's name and owner team. */
export function listIncidentViews(db: Database): IncidentView[] {
  const rows = db
    .prepare(
      `SELECT i.data, s.name AS service_name, s.owner_team_id
         FROM incidents i LEFT JOIN services s ON s.id = i.service_id
        ORDER BY i.status = 'open' DESC, i.opened_at DESC LIMIT ?`,
    )
    .all(LIMIT) as { data: string; service_name: string | null; owner_team_id: string | null }[];
  return rows.map((row) => ({
    ...Incident.parse(JSON.parse(row.data)),
    serviceName: row.service_name,
    ownerTeamId: row.owner_team_id,
  }));
}
