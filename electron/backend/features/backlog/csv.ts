import type { Database } from 'better-sqlite3';
import type { BacklogQuery } from '../../../../shared/features/backlog/api';
import { queryBacklogRows } from './queries';

/**
 * RFC 4180 CSV of the backlog as the user filtered and sorted it. Every field is quoted (quotes
 * doubled), so commas, quotes and newlines in titles survive; a leading =, +, - or @ is prefixed
 * with ' so a spreadsheet never runs a cell as a formula (CSV injection).
 */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const HEADER = [
  'Position',
  'Title',
  'Capability',
  'Status',
  'Phase',
  'Band',
  'Score',
  'Teams',
  'Requesting teams',
  'Strategic value',
  'Effort',
  'Confidence',
  'Manual rank',
  'Description',
];

export function backlogCsv(db: Database, query: BacklogQuery, now: Date = new Date()) {
  const rows = queryBacklogRows(db, query);
  const lines = [HEADER.map(csvField).join(',')];
  rows.forEach((r, index) => {
    lines.push(
      [
        index + 1,
        r.title,
        r.capability,
        r.status,
        r.phase,
        r.band,
        r.score,
        r.demandTeamIds.length,
        r.demandTeamNames.join('; '),
        r.strategicValue,
        r.effort,
        r.confidence,
        r.rankManual ? 'yes' : 'no',
        r.description,
      ]
        .map(csvField)
        .join(','),
    );
  });
  return {
    filename: `pave-backlog-${now.toISOString().slice(0, 10)}.csv`,
    csv: `${lines.join('\r\n')}\r\n`,
    rows: rows.length,
  };
}
