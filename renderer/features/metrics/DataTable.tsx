import type { ReactNode } from 'react';
import { Button } from '../../components/ui/Button';
import { Table, Td, Th } from '../../components/ui/Table';
import { downloadCsv, toCsv, type CsvCell } from './csv';

/** One column of a metrics table: its header, how a row shows, and the raw value its CSV gets. */
export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
  csv(row: Row): CsvCell;
  /** Numbers align right so their digits line up. */
  numeric?: boolean;
}

/** A table with headers and a "Download CSV" of exactly what it lists (issue 10: every table exports). */
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
    <div className="metrics-table-block">
      <p className="metrics-table-caption">{caption}</p>
      <Table label={caption} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <Th key={c.header} numeric={c.numeric}>
                {c.header}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <Td key={c.header} numeric={c.numeric}>
                  {c.cell(row)}
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      <Button
        size="small"
        onClick={() => downloadCsv(fileName, csv())}
        data-testid={testId ? `${testId}-csv` : undefined}
      >
        Download CSV
      </Button>
    </div>
  );
}
