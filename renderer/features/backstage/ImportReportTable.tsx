import type { ImportReport } from '../../../shared/features/backstage/api';
import { Badge, type Tone } from '../../components/ui/Badge';
import { Table, Td, Th } from '../../components/ui/Table';

interface Row {
  outcome: 'create' | 'update' | 'unchanged' | 'refused' | 'skipped';
  file: string;
  documentIndex: number;
  kind: string;
  name: string;
  detail: string;
}

const outcomeBadge: Record<Row['outcome'], { label: string; tone: Tone }> = {
  create: { label: 'Create', tone: 'ok' },
  update: { label: 'Update', tone: 'accent' },
  unchanged: { label: 'Unchanged', tone: 'neutral' },
  refused: { label: 'Refused', tone: 'danger' },
  skipped: { label: 'Skipped', tone: 'warn' },
};

/** Every document of the dry run in one table, in file and document order. */
export function reportRows(report: ImportReport): Row[] {
  const rows: Row[] = [
    ...report.create.map((e) => ({ outcome: 'create' as const, ...e, detail: '' })),
    ...report.update.map((e) => ({ outcome: 'update' as const, ...e, detail: e.changes.join(', ') })),
    ...report.unchanged.map((e) => ({ outcome: 'unchanged' as const, ...e, detail: '' })),
    ...report.refused.map((e) => ({ outcome: 'refused' as const, ...e, detail: e.reason })),
    ...report.skipped.map((e) => ({ outcome: 'skipped' as const, ...e, name: '', detail: e.reason })),
  ];
  return rows.sort((a, b) => a.file.localeCompare(b.file) || a.documentIndex - b.documentIndex);
}

export function ImportReportTable({ report }: { report: ImportReport }) {
  const rows = reportRows(report);
  return (
    <div data-testid="backstage-report">
      <p role="status" data-testid="backstage-report-summary">
        {report.create.length} to create, {report.update.length} to update, {report.unchanged.length}{' '}
        unchanged, {report.refused.length} refused, {report.skipped.length} skipped.
      </p>
      <Table label="Dry run: one row per document" className="backstage-table">
        <thead>
          <tr>
            <Th>Outcome</Th>
            <Th>File</Th>
            <Th numeric>Document</Th>
            <Th>Kind</Th>
            <Th>Name</Th>
            <Th>Changes or reason</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.file}#${row.documentIndex}`}
              data-testid="backstage-report-row"
              data-outcome={row.outcome}
            >
              <Td>
                <Badge tone={outcomeBadge[row.outcome].tone}>{outcomeBadge[row.outcome].label}</Badge>
              </Td>
              <Td className="backstage-file-cell">{row.file}</Td>
              <Td numeric>{row.documentIndex}</Td>
              <Td>{row.kind}</Td>
              <Td>{row.name}</Td>
              <Td>{row.detail}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
