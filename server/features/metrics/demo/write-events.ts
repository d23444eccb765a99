import { EventData, type PlatformEvent } from '../../../../shared/features/events/api';
import type { Tx } from '../../../db/transaction';
import { CHANGES_CHANNEL } from '../../../sync/change-log';
import type { DemoEvent } from './generate-history';

/**
 * Writes the demo's platform events in a few statements instead of two per event: the rows that
 * `recordEvent` would write (server/features/events/store.ts), each with its change-log entry so
 * the desktop syncs them like any other event. Seqs are taken as one block from the org's counter
 * inside the seed's transaction, which keeps the change log's ordering rule
 * (server/sync/change-log.ts); one notification announces the block.
 */
export async function writeDemoEvents(tx: Tx, events: readonly DemoEvent[]): Promise<void> {
  if (!events.length) return;
  const recorded: PlatformEvent[] = events.map((event) => ({
    id: event.id,
    kind: event.kind,
    serviceId: event.serviceId,
    teamId: event.teamId,
    environment: event.environment,
    actorId: event.actorId,
    at: new Date(event.at).toISOString(),
    // The same check recordEvent makes: a wrong shape is a bug in the generator.
    data: EventData[event.kind].parse(event.data) as Record<string, unknown>,
  }));
  for (let from = 0; from < recorded.length; from += CHUNK) {
    const chunk = recorded.slice(from, from + CHUNK);
    await tx.query(
      `INSERT INTO platform_events (id, kind, service_id, team_id, environment, actor_id, at, data)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::timestamptz[], $8::jsonb[])`,
      [
        chunk.map((event) => event.id),
        chunk.map((event) => event.kind),
        chunk.map((event) => event.serviceId),
        chunk.map((event) => event.teamId),
        chunk.map((event) => event.environment),
        chunk.map((event) => event.actorId),
        chunk.map((event) => event.at),
        chunk.map((event) => JSON.stringify(event.data)),
      ],
    );
    const { rows } = await tx.query<{ seq: string }>('UPDATE sync_counter SET seq = seq + $1 RETURNING seq', [
      chunk.length,
    ]);
    const last = Number(rows[0]?.seq);
    if (!Number.isFinite(last)) throw new Error('sync_counter row is missing');
    await tx.query(
      `INSERT INTO change_log (entity, id, seq, op, data, changed_at)
       SELECT 'platform_event', id, seq, 'put', data, now()
         FROM unnest($1::text[], $2::bigint[], $3::jsonb[]) AS entry (id, seq, data)`,
      [
        chunk.map((event) => event.id),
        chunk.map((_, index) => last - chunk.length + 1 + index),
        chunk.map((event) => JSON.stringify(event)),
      ],
    );
    await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(last)]);
  }
}

// Parameters travel as one array each; a few thousand rows per statement keeps them small.
const CHUNK = 2000;
