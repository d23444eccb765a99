import { parse } from 'csv-parse/sync';
import { invalid } from '../../../http/api-error';

/** One data row of an import file: its number (1 = first data row) and its fields by column name. */
export interface FileRow {
  row: number;
  fields: Record<string, unknown> | null;
  /** Why the row could not be read at all (NDJSON: not a JSON object). */
  unreadable?: string;
}

export type FileFormat = 'csv' | 'ndjson';

export const MAX_IMPORT_ROWS = 100_000;

/**
 * Reads an import file into rows. A CSV that cannot be parsed (an unclosed quote, a row with more
 * fields than the header) is refused whole with csv-parse's line number, since no row of it can be
 * trusted; an NDJSON line that is not an object is one refused row. Missing columns are the
 * validator's business, so every missing one is named.
 */
export function parseImportFile(text: string, format: FileFormat, required: readonly string[]): FileRow[] {
  const rows = format === 'csv' ? csvRows(text, required) : ndjsonRows(text);
  if (rows.length === 0) throw invalid('the file has no data rows');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw invalid(`the file has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`);
  }
  return rows;
}

function csvRows(text: string, required: readonly string[]): FileRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw invalid(`the CSV cannot be read: ${(error as Error).message}`);
  }
  const header = records[0] ? Object.keys(records[0]) : [];
  const missing = records[0] ? required.filter((column) => !header.includes(column)) : [];
  if (missing.length) {
    throw invalid(
      `the CSV has no ${missing.map((column) => `'${column}'`).join(', ')} column (it has: ${header.join(', ')})`,
    );
  }
  return records.map((fields, index) => ({ row: index + 1, fields }));
}

function ndjsonRows(text: string): FileRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.map((line, index) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { row: index + 1, fields: null, unreadable: 'not valid JSON' };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { row: index + 1, fields: null, unreadable: 'not a JSON object' };
    }
    return { row: index + 1, fields: value as Record<string, unknown> };
  });
}
