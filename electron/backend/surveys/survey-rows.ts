import type { Database } from 'better-sqlite3';
import type { Survey } from '../../../shared/features/surveys/api';
import { upsertSynced } from '../cache/upsert-synced';

/** Entity → table, merged into catalog-writes' `tableOf`. */
export const surveyTables = { survey: 'surveys' } as const;

/** Cache write of a synced survey; catalog-writes' applyChange calls it for pulls and optimistic writes. */
export function putSurvey(db: Database, s: Survey): void {
  upsertSynced(db, 'surveys', s.id, { status: s.status, opens_at: s.opensAt, closes_at: s.closesAt }, s);
}
