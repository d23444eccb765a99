import type { ReactNode } from 'react';
import { downloadCsv, toCsv, type CsvCell } from './csv';

/** One column of a metrics table: its header, how a row shows, and the raw value its CSV gets. */
export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
  csv(row: Row): CsvCell;
  /** Numbers align right so their digits line up. */
  numeric?: boolean;
}

/** A plain table with a "Download CSV" of exactly what it lists (issue 10: every table exports). */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  fileName,
  rowKey,
  testId,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  fileName: string;
  rowKey(row: Row): string;
  testId?: string;
}) {
  const csv = () =>
    toCsv(
      columns.map((c) => c.header),
      rows.map((row) => columns.map((c) => c.csv(row))),
    );
  return (
    <div className="metrics-table-wrap">
      <table className="metrics-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.header} className={c.numeric ? 'num' : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button small"
        onClick={() => downloadCsv(fileName, csv())}
        data-testid={testId ? `${testId}-csv` : undefined}
      >
        Download CSV
      </button>
    </div>
  );
}
