import { entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';

/** Synced platform events, with the columns the metrics filter on. */
export const eventsWriters = [
  entityWriter({
    entity: 'platform_event',
    table: 'platform_events',
    put: (db, e) =>
      upsertSynced(
        db,
        'platform_events',
        e.id,
        { kind: e.kind, service_id: e.serviceId, team_id: e.teamId, environment: e.environment, at: e.at },
        e,
      ),
  }),
];
