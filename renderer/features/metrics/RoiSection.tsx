import { useState } from 'react';
import type { Capability, MetricsReport, MetricsSettings } from '../../../shared/features/metrics/api';
import type { RoiRow } from '../../../shared/domain/metrics';
import { useCommand } from '../../data/command';
import { errorMessage } from '../../data/ipc-error';
import { DataTable, type Column } from './DataTable';
import { capabilityLabel, formatHours, formatUsd } from './format';
import { draftOf, parseDraft, previewRoi, type RoiDraft } from './roi-draft';

/**
 * What the platform is worth: uses × hours saved per use × hourly rate, every input shown next to
 * its figure. Leads edit the inputs; the value follows as they type and is saved for everyone.
 */
export function RoiSection({
  report,
  settings,
  canEdit,
  offline,
}: {
  report: MetricsReport;
  settings: MetricsSettings | null;
  canEdit: boolean;
  offline: boolean;
}) {
  const saved = settings?.roi ?? report.roi.inputs;
  const [draft, setDraft] = useState<RoiDraft>(() => draftOf(saved));
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const run = useCommand();
  // A save (here or on another device) brings new inputs: start the form from them (React's
  // "adjust state when a prop changes" pattern, without an effect).
  const savedText = JSON.stringify(saved);
  const [basis, setBasis] = useState(savedText);
  if (basis !== savedText) {
    setBasis(savedText);
    setDraft(draftOf(saved));
  }

  const parsed = parseDraft(draft, saved, (c) => capabilityLabel[c]);
  const roi = 'inputs' in parsed ? previewRoi(report, parsed.inputs) : previewRoi(report, saved);
  const dirty = JSON.stringify(draftOf(saved)) !== JSON.stringify(draft);

  const save = async () => {
    if (!settings || !('inputs' in parsed)) return;
    setSaving(true);
    setStatus(null);
    try {
      await run('metrics:settings:set', { ...settings, roi: parsed.inputs });
      setStatus({ kind: 'saved', text: 'Saved: everyone now sees these inputs.' });
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error).message });
    } finally {
      setSaving(false);
    }
  };

  const editHours = (capability: Capability, text: string) =>
    setDraft((d) => ({ ...d, hoursSavedPerUse: { ...d.hoursSavedPerUse, [capability]: text } }));

  const columns: Column<RoiRow>[] = [
    { header: 'Capability', cell: (r) => capabilityLabel[r.capability], csv: (r) => r.capability },
    { header: 'Uses', cell: (r) => r.uses.toLocaleString('en-US'), csv: (r) => r.uses, numeric: true },
    { header: 'Teams', cell: (r) => r.teams, csv: (r) => r.teams, numeric: true },
    {
      header: 'Hours saved per use',
      cell: (r) =>
        canEdit ? (
          <input
            type="number"
            min={0}
            step="any"
            className="metrics-number"
            aria-label={`Hours saved per use of ${capabilityLabel[r.capability]}`}
            value={draft.hoursSavedPerUse[r.capability] ?? ''}
            onChange={(e) => editHours(r.capability, e.target.value)}
            data-testid={`roi-hours-${r.capability}`}
          />
        ) : (
          r.hoursSavedPerUse
        ),
      csv: (r) => r.hoursSavedPerUse,
      numeric: true,
    },
    { header: 'Hours saved', cell: (r) => formatHours(r.hours), csv: (r) => r.hours, numeric: true },
    { header: 'Value (USD)', cell: (r) => formatUsd(r.valueUsd), csv: (r) => r.valueUsd, numeric: true },
    {
      header: 'Source of the default',
      cell: (r) => <span className="metrics-hint">{saved.sources[r.capability]}</span>,
      csv: (r) => saved.sources[r.capability],
    },
  ];

  return (
    <section className="metrics-section" aria-labelledby="metrics-roi" data-testid="metrics-roi">
      <h2 id="metrics-roi">Platform ROI</h2>
      <p className="metrics-headline">
        <span data-testid="roi-total-usd">{formatUsd(roi.totalUsd)}</span> ={' '}
        <span data-testid="roi-total-hours">{formatHours(roi.totalHours)}</span> saved ×{' '}
        {canEdit ? (
          <label>
            <span className="visually-hidden">Hourly rate in USD</span>
            <input
              type="number"
              min={0}
              step="any"
              className="metrics-number"
              value={draft.hourlyRateUsd}
              onChange={(e) => setDraft((d) => ({ ...d, hourlyRateUsd: e.target.value }))}
              data-testid="roi-hourly-rate"
            />
          </label>
        ) : (
          formatUsd(roi.inputs.hourlyRateUsd)
        )}{' '}
        per hour
        <span className="metrics-hint"> · uses in the selected range × hours saved per use</span>
      </p>
      {'error' in parsed && (
        <p className="metrics-error" role="alert" data-testid="roi-input-error">
          {parsed.error}
        </p>
      )}
      <DataTable
        caption="Hours and value saved per capability, with every input"
        columns={columns}
        rows={roi.rows}
        rowKey={(r) => r.capability}
        fileName="platform-roi.csv"
        testId="metrics-roi-table"
      />
      {canEdit && (
        <div className="metrics-actions">
          <button
            type="button"
            className="button primary"
            disabled={!dirty || saving || !('inputs' in parsed) || offline || !settings}
            onClick={() => void save()}
            data-testid="roi-save"
          >
            {saving ? 'Saving…' : 'Save inputs'}
          </button>
          {dirty && (
            <button type="button" className="button" onClick={() => setDraft(draftOf(saved))}>
              Reset
            </button>
          )}
          {offline && (
            <span className="metrics-hint">Saving needs the platform: it is not reachable now.</span>
          )}
          {status && (
            <span className={status.kind === 'error' ? 'metrics-error' : 'metrics-hint'} role="status">
              {status.text}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
