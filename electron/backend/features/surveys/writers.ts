import { entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';

/** Synced surveys (definitions; answers never come back from the platform). */
export const surveyWriters = [
  entityWriter({
    entity: 'survey',
    table: 'surveys',
    put: (db, s) =>
      upsertSynced(db, 'surveys', s.id, { status: s.status, opens_at: s.opensAt, closes_at: s.closesAt }, s),
  }),
];
