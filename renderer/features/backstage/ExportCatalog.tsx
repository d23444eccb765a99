import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { teamsQuery } from '../../data/ipc-queries';
import { errorMessage } from '../../data/ipc-error';
import { useCommand } from '../../data/command';

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
        <label>
          Scope{' '}
          <select
            value={scope}
            onChange={(e) => setScope(e.target.value)}
            data-testid="backstage-export-scope"
          >
            <option value="all">Whole catalog</option>
            {(teams.data ?? []).map((team) => (
              <option key={team.id} value={`team:${team.id}`}>
                Team {team.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button small"
          disabled={busy}
          onClick={() => void exportNow()}
          data-testid="backstage-export"
        >
          Export YAML
        </button>
      </div>
      {error && (
        <p className="backstage-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
