import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import { EventData, type PlatformEvent, type PlatformEventKind } from '../../../shared/features/events/api';
import type { Tx } from '../../db/transaction';
import { recordChange } from '../../sync/change-log';

export interface NewEvent<K extends PlatformEventKind> {
  kind: K;
  serviceId: string | null;
  environment?: EnvironmentName | null;
  actorId?: string | null;
  /** Defaults to now (the transaction's time). */
  at?: string;
  data: EventData<K>;
}

interface EventRow {
  id: string;
  kind: PlatformEventKind;
  service_id: string | null;
  team_id: string | null;
  environment: EnvironmentName | null;
  actor_id: string | null;
  at: Date;
  data: Record<string, unknown>;
}

const toEvent = (row: EventRow): PlatformEvent => ({
  id: row.id,
  kind: row.kind,
  serviceId: row.service_id,
  teamId: row.team_id,
  environment: row.environment,
  actorId: row.actor_id,
  at: row.at.toISOString(),
  data: row.data,
});

/**
 * Records one event in the caller's transaction, so it exists exactly when what it describes
 * committed. The team is the service's owner now (a later transfer does not rewrite history).
 * `data` is checked against its kind's schema: a wrong shape is our bug, thrown here.
 */
export async function recordEvent<K extends PlatformEventKind>(
  tx: Tx,
  event: NewEvent<K>,
): Promise<PlatformEvent> {
  const data = EventData[event.kind].parse(event.data) as Record<string, unknown>;
  const { rows } = await tx.query<EventRow>(
    `INSERT INTO platform_events (id, kind, service_id, team_id, environment, actor_id, at, data)
     VALUES ($1, $2, $3, (SELECT owner_team_id FROM services WHERE id = $3), $4, $5,
             COALESCE($6::timestamptz, now()), $7)
     RETURNING *`,
    [
      randomUUID(),
      event.kind,
      event.serviceId,
      event.environment ?? null,
      event.actorId ?? null,
      event.at ?? null,
      JSON.stringify(data),
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('inserted event vanished');
  const recorded = toEvent(row);
  await recordChange(tx, 'platform_event', recorded.id, 'put', recorded);
  return recorded;
}

export async function listEvents(
  pool: Pool,
  query: { kind?: PlatformEventKind; serviceId?: string; since?: string; limit: number },
): Promise<PlatformEvent[]> {
  const { rows } = await pool.query<EventRow>(
    `SELECT * FROM platform_events
      WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR service_id = $2)
        AND ($3::timestamptz IS NULL OR at >= $3)
      ORDER BY at, id LIMIT $4`,
    [query.kind ?? null, query.serviceId ?? null, query.since ?? null, query.limit],
  );
  return rows.map(toEvent);
}
