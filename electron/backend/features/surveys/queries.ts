import type { Database } from 'better-sqlite3';
import { Survey, SurveyResults } from '../../../../shared/features/surveys/api';
import type { CachedSurveyResults, SurveyItem } from '../../../../shared/features/surveys/ipc';
import type { IpcErrorShape } from '../../../../shared/ipc/contract';

interface OutboxRow {
  name: string;
  args: string;
  status: string;
  reason: string | null;
}

const surveyIdOf = (row: OutboxRow): string | null => {
  const args = JSON.parse(row.args) as { id?: unknown; surveyId?: unknown };
  const id = row.name === 'survey.answer' ? args.surveyId : args.id;
  return typeof id === 'string' ? id : null;
};

function phaseOf(s: Survey, now: Date): SurveyItem['phase'] {
  if (s.status === 'draft') return 'draft';
  if (now < new Date(s.opensAt)) return 'upcoming';
  return now < new Date(s.closesAt) ? 'open' : 'closed';
}

/** Surveys from the cache with the user's own answer state, derived from receipts and the outbox. */
export function listSurveyItems(db: Database, now: Date, onlyId?: string): SurveyItem[] {
  const rows = (
    onlyId
      ? db.prepare('SELECT data FROM surveys WHERE id = ?').all(onlyId)
      : db.prepare('SELECT data FROM surveys ORDER BY closes_at DESC, id').all()
  ) as { data: string }[];
  const receipts = new Set(
    (db.prepare('SELECT survey_id FROM survey_receipts').all() as { survey_id: string }[]).map(
      (r) => r.survey_id,
    ),
  );
  const outbox = db
    .prepare(`SELECT name, args, status, reason FROM outbox WHERE name LIKE 'survey.%' ORDER BY mutation_id`)
    .all() as OutboxRow[];
  const answers = new Map<string, { status: string; reason: IpcErrorShape | null }>();
  const edits = new Map<string, number>();
  for (const row of outbox) {
    const id = surveyIdOf(row);
    if (!id) continue;
    if (row.name === 'survey.answer') {
      // The latest answer attempt decides, except that an accepted one is never undone.
      if (answers.get(id)?.status === 'applied') continue;
      answers.set(id, {
        status: row.status,
        reason: row.reason ? (JSON.parse(row.reason) as IpcErrorShape) : null,
      });
    } else if (row.status === 'pending' || row.status === 'needs_confirmation') {
      edits.set(id, (edits.get(id) ?? 0) + 1);
    }
  }
  return rows.map(({ data }) => {
    const survey = Survey.parse(JSON.parse(data));
    const attempt = answers.get(survey.id);
    let myAnswer: SurveyItem['myAnswer'] = 'none';
    let rejection: IpcErrorShape | null = null;
    if (receipts.has(survey.id) || attempt?.status === 'applied') myAnswer = 'answered';
    else if (attempt?.status === 'pending' || attempt?.status === 'needs_confirmation') myAnswer = 'queued';
    else if (attempt?.status === 'rejected') {
      // Answered from another device: the platform's receipt says so; that is not a failure.
      if (attempt.reason?.code === 'already_answered') myAnswer = 'answered';
      else {
        myAnswer = 'rejected';
        rejection = attempt.reason;
      }
    }
    return {
      survey,
      phase: phaseOf(survey, now),
      myAnswer,
      rejection,
      pendingEdits: edits.get(survey.id) ?? 0,
    };
  });
}

export function readCachedResults(db: Database, surveyId: string): Omit<CachedSurveyResults, 'error'> {
  const row = db.prepare('SELECT fetched_at, data FROM survey_results WHERE survey_id = ?').get(surveyId) as
    { fetched_at: string; data: string } | undefined;
  if (!row) return { results: null, fetchedAt: null };
  return { results: SurveyResults.parse(JSON.parse(row.data)), fetchedAt: row.fetched_at };
}

export function writeCachedResults(db: Database, results: SurveyResults, fetchedAt: string): void {
  db.prepare(
    `INSERT INTO survey_results (survey_id, fetched_at, data) VALUES (?, ?, ?)
     ON CONFLICT (survey_id) DO UPDATE SET fetched_at = excluded.fetched_at, data = excluded.data`,
  ).run(results.surveyId, fetchedAt, JSON.stringify(results));
}

export function writeReceipts(db: Database, surveyIds: readonly string[]): boolean {
  return db.transaction(() => {
    const before = (
      db.prepare('SELECT survey_id FROM survey_receipts ORDER BY survey_id').all() as { survey_id: string }[]
    )
      .map((r) => r.survey_id)
      .join('\n');
    db.prepare('DELETE FROM survey_receipts').run();
    const insert = db.prepare('INSERT OR IGNORE INTO survey_receipts (survey_id) VALUES (?)');
    for (const id of surveyIds) insert.run(id);
    return before !== [...new Set(surveyIds)].sort().join('\n');
  })();
}
