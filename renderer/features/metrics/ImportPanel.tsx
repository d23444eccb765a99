import { useState } from 'react';
import type { ImportKind, ImportReport } from '../../../shared/features/metrics/api';
import { Button } from '../../components/ui/Button';
import { FormError } from '../../components/ui/Field';
import { SelectField } from '../../components/ui/SelectField';
import { useCommand } from '../../data/command';
import { FilePicker } from '../backstage/public';
import { errorMessage } from '../../data/ipc-error';
import { metricsKeys } from './data';
import { DataTable } from './DataTable';

type Refused = ImportReport['refused'][number];

const KINDS = [
  { value: 'deployments', label: 'Deployments' },
  { value: 'incidents', label: 'Incidents' },
] as const satisfies readonly { value: ImportKind; label: string }[];

const formatOf = (fileName: string): 'csv' | 'ndjson' =>
  /\.(ndjson|jsonl)$/i.test(fileName) ? 'ndjson' : 'csv';

/**
 * History from before the platform (leads): choose a file, see the dry run's report (what would be
 * added, what is already there, each refused row and why), then apply. A file with refused rows
 * applies only when the lead says "apply the good rows", never silently half.
 */
export function ImportPanel({ offline }: { offline: boolean }) {
  const run = useCommand({ thenInvalidate: metricsKeys.all });
  const [kind, setKind] = useState<ImportKind>('deployments');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean, partial: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setReport(
        await run('metrics:import', { kind, format: formatOf(file.name), text: file.text, dryRun, partial }),
      );
    } catch (e) {
      setError(errorMessage(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="metrics-section metrics-import" data-testid="metrics-import">
      <summary>
        <h2>Import history</h2>
      </summary>
      <p className="metrics-hint">
        CSV or NDJSON. Deployments: service, environment, commit_sha, commit_time, deploy_time, status
        (success|failure). Incidents: service, opened_at, resolved_at (empty = open), title. Re-importing a
        file changes nothing.
      </p>
      <div className="metrics-actions">
        <SelectField
          label="Kind"
          options={KINDS}
          value={kind}
          onChange={(value) => {
            setKind(value || 'deployments');
            setReport(null);
          }}
          data-testid="metrics-import-kind"
        />
        <FilePicker
          label="File"
          buttonLabel="Choose a file…"
          accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
          chosen={file?.name ?? null}
          testId="metrics-import-file"
          onFiles={(files) => {
            const chosen = files?.[0];
            setReport(null);
            setError(null);
            if (!chosen) return setFile(null);
            void chosen.text().then((text) => setFile({ name: chosen.name, text }));
          }}
        />
        <Button
          size="small"
          disabled={!file || busy || offline}
          onClick={() => void send(true, false)}
          data-testid="metrics-import-dry-run"
        >
          Dry run
        </Button>
      </div>
      {offline && <p className="metrics-hint">Importing needs the platform: it is not reachable now.</p>}
      {error && <FormError>{error}</FormError>}
      {report && (
        <div data-testid="metrics-import-report" role="status">
          <p>
            {report.applied ? 'Imported' : 'Dry run'}: {report.accepted} new, {report.duplicates} already
            imported, {report.refused.length} refused.
          </p>
          {report.refused.length > 0 && (
            <DataTable<Refused>
              caption="Refused rows (row 1 is the first data row)"
              columns={[
                { header: 'Row', cell: (r) => r.row, csv: (r) => r.row, numeric: true },
                { header: 'Reason', cell: (r) => r.reason, csv: (r) => r.reason },
              ]}
              rows={report.refused}
              rowKey={(r) => `${r.row}:${r.reason}`}
              fileName="import-refused.csv"
              testId="metrics-import-refused"
            />
          )}
          {!report.applied && report.accepted > 0 && (
            <div className="metrics-actions">
              {report.refused.length === 0 ? (
                <Button
                  size="small"
                  variant="primary"
                  disabled={busy || offline}
                  onClick={() => void send(false, false)}
                  data-testid="metrics-import-apply"
                >
                  Apply {report.accepted} rows
                </Button>
              ) : (
                <Button
                  size="small"
                  disabled={busy || offline}
                  onClick={() => void send(false, true)}
                  data-testid="metrics-import-apply-partial"
                >
                  Apply the {report.accepted} good rows, skip the {report.refused.length} refused
                </Button>
              )}
            </div>
          )}
        </div>
      )}
    </details>
  );
}
