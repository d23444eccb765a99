import type { ImportReport } from '../../../shared/features/backstage/api';

interface Row {
  outcome: 'create' | 'update' | 'unchanged' | 'refused' | 'skipped';
  file: string;
  documentIndex: number;
  kind: string;
  name: string;
  detail: string;
}

const outcomeLabel: Record<Row['outcome'], string> = {
  create: 'Create',
  update: 'Update',
  unchanged: 'Unchanged',
  refused: 'Refused',
  skipped: 'Skipped',
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
      <table className="backstage-table">
        <caption className="visually-hidden">Dry run: one row per document</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col">File</th>
            <th scope="col">Document</th>
            <th scope="col">Kind</th>
            <th scope="col">Name</th>
            <th scope="col">Changes or reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.file}#${row.documentIndex}`}
              className={`backstage-row backstage-${row.outcome}`}
              data-testid="backstage-report-row"
              data-outcome={row.outcome}
            >
              <td>{outcomeLabel[row.outcome]}</td>
              <td>{row.file}</td>
              <td className="numeric">{row.documentIndex}</td>
              <td>{row.kind}</td>
              <td>{row.name}</td>
              <td>{row.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
