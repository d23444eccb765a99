import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportReport, ImportSource } from '../../../shared/features/backstage/api';
import { Button } from '../../components/ui/Button';
import { ErrorState } from '../../components/ui/States';
import { toast } from '../../components/ui/toast-store';
import { useCommand } from '../../data/command';
import { errorMessage } from '../../data/ipc-error';
import { settingsQuery, syncStatusQuery } from '../../data/ipc-queries';
import { ExportCatalog } from './ExportCatalog';
import { FilePicker } from './FilePicker';
import { ImportProgress } from './ImportProgress';
import { ImportReportTable } from './ImportReportTable';
import { readPickedFiles } from './read-source';
import { RepositoryForm } from './RepositoryForm';
import './BackstagePage.css';

const isLead = (role: string | undefined) => role === 'lead' || role === 'admin';

/** The picked source, and how the page names it. */
interface Picked {
  source: ImportSource;
  label: string;
  /** Which picker it came from, so that one says what it holds. */
  from: 'folder' | 'files' | 'repository';
}

/**
 * Import a Backstage catalog (issue 14): pick a folder, files or a repository URL, read the dry
 * run (what would be created, updated, left, refused and skipped, with file, document and reason),
 * apply it as one operation and watch it. Importing is for leads and admins and needs the
 * platform (the dry run is its answer); exporting is for everyone.
 */
export function ImportCatalogPage() {
  const user = useQuery(settingsQuery());
  const lead = isLead(user.data?.user?.role);
  // The sync status is announced live, so the page follows the connection without asking.
  const online = useQuery(syncStatusQuery()).data?.state === 'online';
  const run = useCommand();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [operationId, setOperationId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = (next: Picked | null) => {
    setPicked(next);
    setReport(null);
    setOperationId(null);
    setError(null);
  };

  const pickFiles = async (list: FileList | null, from: 'folder' | 'files') => {
    const files = await readPickedFiles([...(list ?? [])]);
    if (files.length === 0) {
      choose(null);
      setError('No YAML files there: Backstage catalog files end in .yaml or .yml.');
      return;
    }
    choose({
      source: { type: 'files', files },
      label: files.length === 1 ? (files[0]?.path ?? '') : `${files.length} YAML files`,
      from,
    });
  };

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e).message);
    } finally {
      setBusy(false);
    }
  };

  const dryRun = (source: ImportSource) =>
    act(async () => {
      setOperationId(null);
      setReport(await run('backstage:dry-run', { source }));
    });

  const apply = (source: ImportSource) =>
    act(async () => {
      setOperationId((await run('backstage:import', { source })).operationId);
      toast({ title: 'Import started', description: 'Its progress and log are below and under Operations.' });
    });

  return (
    <main className="backstage-page" data-testid="backstage-page">
      <h1>Import catalog</h1>
      <p className="backstage-hint">
        Backstage catalog files (catalog-info.yaml): Components become services, Groups teams; Systems and
        APIs are kept for the export. Importing needs a connection to the platform.
      </p>
      {!lead ? (
        <p className="backstage-hint" data-testid="backstage-lead-only">
          Only leads and admins can import a catalog. Exporting is open to everyone.
        </p>
      ) : (
        <section className="backstage-section" aria-labelledby="backstage-import-title">
          <h2 id="backstage-import-title">Import</h2>
          {!online && (
            <ErrorState title="Importing needs the platform" testId="backstage-offline">
              The platform is not reachable: importing needs it (the dry run is its answer). Nothing is
              queued.
            </ErrorState>
          )}
          <div className="backstage-actions">
            <FilePicker
              label="A folder"
              buttonLabel="Choose a folder…"
              directory
              multiple
              chosen={picked?.from === 'folder' ? picked.label : null}
              testId="backstage-folder"
              onFiles={(files) => void pickFiles(files, 'folder')}
            />
            <FilePicker
              label="Or YAML files"
              buttonLabel="Choose files…"
              accept=".yaml,.yml"
              multiple
              chosen={picked?.from === 'files' ? picked.label : null}
              testId="backstage-files"
              onFiles={(files) => void pickFiles(files, 'files')}
            />
          </div>
          <RepositoryForm
            onUse={(trimmed) =>
              choose({ source: { type: 'repository', url: trimmed }, label: trimmed, from: 'repository' })
            }
          />
          {picked && (
            <div className="backstage-actions">
              <span className="backstage-picked" data-testid="backstage-picked">
                {picked.label}
              </span>
              <Button
                size="small"
                disabled={busy || !online}
                onClick={() => void dryRun(picked.source)}
                data-testid="backstage-dry-run"
              >
                Dry run
              </Button>
              <Button
                size="small"
                variant="primary"
                disabled={busy || !online || !report || report.create.length + report.update.length === 0}
                title={report ? undefined : 'Run the dry run first'}
                onClick={() => void apply(picked.source)}
                data-testid="backstage-apply"
              >
                Apply import
              </Button>
            </div>
          )}
          {error && (
            <p className="ui-form-error" role="alert" data-testid="backstage-error">
              {error}
            </p>
          )}
          {operationId && <ImportProgress operationId={operationId} />}
          {report && <ImportReportTable report={report} />}
        </section>
      )}
      <ExportCatalog />
    </main>
  );
}
