import type { Database } from 'better-sqlite3';
import type { Survey } from '../../../shared/api/surveys';
import { prepared } from '../cache/prepared';

/** Entity → table, merged into catalog-writes' `tableOf`. */
export const surveyTables = { survey: 'surveys' } as const;

/** Cache write of a synced survey; catalog-writes' applyChange calls it for pulls and optimistic writes. */
export function putSurvey(db: Database, s: Survey): void {
  prepared(
    db,
    `INSERT INTO surveys (id, status, opens_at, closes_at, data) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, opens_at = excluded.opens_at,
       closes_at = excluded.closes_at, data = excluded.data`,
  ).run(s.id, s.status, s.opensAt, s.closesAt, JSON.stringify(s));
}
