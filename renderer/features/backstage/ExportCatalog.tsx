import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { teamsQuery } from '../../data/ipc-queries';
import { errorMessage } from '../../data/ipc-error';
import { useCommand } from '../../data/command';
import { Button } from '../../components/ui/Button';
import { FormError } from '../../components/ui/Field';
import { SelectField } from '../../components/ui/SelectField';
import { toast } from '../../components/ui/toast-store';

/** Saves text as a file through the browser's download (no file-system access needed). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  URL.revokeObjectURL(url);
}

/** The catalog (all of it, or one team's part) as Backstage YAML, from the platform. */
export function ExportCatalog() {
  const run = useCommand();
  const teams = useQuery(teamsQuery());
  const [scope, setScope] = useState('all');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const slug =
    scope === 'all' ? 'catalog' : (teams.data?.find((team) => `team:${team.id}` === scope)?.slug ?? 'team');

  const exportNow = async () => {
    setBusy(true);
    setError(null);
    try {
      const { yaml } = await run('backstage:export', { scope });
      download(`${slug}-catalog-info.yaml`, yaml);
      toast({
        title: 'Catalog exported',
        description: `Saved as ${slug}-catalog-info.yaml in your downloads.`,
      });
    } catch (e) {
      setError(errorMessage(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="backstage-section" aria-labelledby="backstage-export-title">
      <h2 id="backstage-export-title">Export catalog</h2>
      <p className="backstage-hint">
        Backstage YAML, one entity per document: a Group per team, a Component per service (Pave&apos;s fields
        as pave.dev annotations), and the Systems and APIs imported earlier.
      </p>
      <div className="backstage-actions">
        <SelectField
          label="Scope"
          options={[
            { value: 'all', label: 'Whole catalog' },
            ...(teams.data ?? []).map((team) => ({ value: `team:${team.id}`, label: `Team ${team.name}` })),
          ]}
          value={scope}
          onChange={(value) => setScope(value || 'all')}
          data-testid="backstage-export-scope"
        />
        <Button disabled={busy} onClick={() => void exportNow()} data-testid="backstage-export">
          {busy ? 'Exporting…' : 'Export YAML'}
        </Button>
      </div>
      <FormError>{error}</FormError>
    </section>
  );
}
