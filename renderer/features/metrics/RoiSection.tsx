import { useState } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import type { Capability, MetricsReport, MetricsSettings } from '../../../shared/features/metrics/api';
import type { RoiRow } from '../../../shared/domain/metrics';
import { showRefusal } from '../../components/form-refusal';
import { Button } from '../../components/ui/Button';
import { FormError } from '../../components/ui/Field';
import { useCommand } from '../../data/command';
import { DataTable, type Column } from './DataTable';
import { capabilityLabel, formatHours, formatUsd } from './format';
import {
  draftOf,
  parseDraft,
  previewRoi,
  roiFields,
  roiProblems,
  type RoiDraft,
  type RoiField,
} from './roi-draft';

const label = (capability: Capability) => capabilityLabel[capability];

/**
 * What the platform is worth: uses × hours saved per use × hourly rate, every input shown next to
 * its figure. Leads edit the inputs; the value follows as they type and is saved for everyone.
 * A new saved version (here or on another device) starts the form again from it.
 */
export function RoiSection(props: {
  report: MetricsReport;
  settings: MetricsSettings | null;
  canEdit: boolean;
  offline: boolean;
}) {
  const saved = props.settings?.roi ?? props.report.roi.inputs;
  // Kept here, not in the form: saving makes a new saved version, which starts the form again,
  // and "Saved" must outlive that.
  const [status, setStatus] = useState<RoiStatus>(null);
  return <RoiForm key={JSON.stringify(saved)} {...props} status={status} setStatus={setStatus} />;
}

type RoiStatus = { kind: 'saved' | 'error'; text: string } | null;

function RoiForm({
  report,
  settings,
  canEdit,
  offline,
  status,
  setStatus,
}: {
  report: MetricsReport;
  settings: MetricsSettings | null;
  canEdit: boolean;
  offline: boolean;
  status: RoiStatus;
  setStatus(status: RoiStatus): void;
}) {
  const saved = settings?.roi ?? report.roi.inputs;
  const run = useCommand();
  // Checked with the same rules as the preview; each problem lands under its own input.
  const resolver: Resolver<RoiDraft> = (values) => {
    const problems = Object.entries(roiProblems(values, saved, label)) as [RoiField, string][];
    if (problems.length === 0) return { values, errors: {} };
    const errors: FieldErrors<RoiDraft> = {};
    for (const [field, message] of problems) {
      if (field === 'hourlyRateUsd') errors.hourlyRateUsd = { type: 'value', message };
      else {
        const capability = field.slice('hoursSavedPerUse.'.length) as Capability;
        errors.hoursSavedPerUse = { ...errors.hoursSavedPerUse, [capability]: { type: 'value', message } };
      }
    }
    return { values: {}, errors };
  };
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<RoiDraft>({ defaultValues: draftOf(saved), resolver, mode: 'onChange' });

  // What is typed now, so the value follows the keyboard before anything is saved.
  const draft = useWatch({ control }) as RoiDraft;
  const parsed = parseDraft(draft, saved, label);
  const roi = previewRoi(report, 'inputs' in parsed ? parsed.inputs : saved);
  const problemOf = (field: RoiField): string | undefined =>
    field === 'hourlyRateUsd'
      ? errors.hourlyRateUsd?.message
      : errors.hoursSavedPerUse?.[field.slice('hoursSavedPerUse.'.length) as Capability]?.message;

  const save = async (values: RoiDraft) => {
    const checked = parseDraft(values, saved, label);
    if (!settings || !('inputs' in checked)) return;
    setStatus(null);
    try {
      await run('metrics:settings:set', { ...settings, roi: checked.inputs });
      setStatus({ kind: 'saved', text: 'Saved: everyone now sees these inputs.' });
    } catch (err) {
      // The draft stays; a reason about one input goes under it, the rest next to Save.
      const unplaced = showRefusal(err, roiFields(saved), setError, { prefix: 'roi.' });
      if (unplaced) setStatus({ kind: 'error', text: unplaced });
    }
  };

  const numberInput = (field: RoiField, accessible: string, testId: string) => {
    const problem = problemOf(field);
    return (
      <span className="metrics-roi-input">
        <input
          type="number"
          min={0}
          step="any"
          className="ui-input metrics-number"
          aria-label={accessible}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${testId}-problem` : undefined}
          data-testid={testId}
          {...register(field)}
        />
        {problem && (
          <span className="ui-field-error" id={`${testId}-problem`}>
            {problem}
          </span>
        )}
      </span>
    );
  };

  const columns: Column<RoiRow>[] = [
    { header: 'Capability', cell: (r) => capabilityLabel[r.capability], csv: (r) => r.capability },
    { header: 'Uses', cell: (r) => r.uses.toLocaleString('en-US'), csv: (r) => r.uses, numeric: true },
    { header: 'Teams', cell: (r) => r.teams, csv: (r) => r.teams, numeric: true },
    {
      header: 'Hours saved per use',
      cell: (r) =>
        canEdit
          ? numberInput(
              `hoursSavedPerUse.${r.capability}`,
              `Hours saved per use of ${capabilityLabel[r.capability]}`,
              `roi-hours-${r.capability}`,
            )
          : r.hoursSavedPerUse,
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
      <form noValidate onSubmit={(event) => void handleSubmit(save)(event)} aria-labelledby="metrics-roi">
        <p className="metrics-headline">
          <span data-testid="roi-total-usd">{formatUsd(roi.totalUsd)}</span> ={' '}
          <span data-testid="roi-total-hours">{formatHours(roi.totalHours)}</span> saved ×{' '}
          {canEdit
            ? numberInput('hourlyRateUsd', 'Hourly rate in USD', 'roi-hourly-rate')
            : formatUsd(roi.inputs.hourlyRateUsd)}{' '}
          per hour
          <span className="metrics-hint"> · uses in the selected range × hours saved per use</span>
        </p>
        {'error' in parsed && (
          <p className="ui-form-error" role="alert" data-testid="roi-input-error">
            Not saved yet: {parsed.error}. The value above uses the saved inputs.
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
            <Button
              type="submit"
              variant="primary"
              disabled={!isDirty || isSubmitting || !('inputs' in parsed) || offline || !settings}
              data-testid="roi-save"
            >
              {isSubmitting ? 'Saving…' : 'Save inputs'}
            </Button>
            {isDirty && <Button onClick={() => reset(draftOf(saved))}>Reset</Button>}
            {offline && (
              <span className="metrics-hint">Saving needs the platform: it is not reachable now.</span>
            )}
            {status?.kind === 'saved' && (
              <span className="metrics-hint" role="status">
                {status.text}
              </span>
            )}
          </div>
        )}
        <FormError>{status?.kind === 'error' ? status.text : null}</FormError>
      </form>
    </section>
  );
}
