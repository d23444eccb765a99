import { useState } from 'react';
import { ADOPTION_DAYS_MAX, type MetricsSettings } from '../../../shared/features/metrics/api';
import { useCommand } from '../../data/command';
import { errorMessage } from '../../data/ipc-error';

/**
 * The launch date that splits before from after, and the adoption window. Everyone sees them;
 * leads change them (the platform checks the role and audits the change).
 */
export function SettingsPanel({
  settings,
  canEdit,
  offline,
}: {
  settings: MetricsSettings;
  canEdit: boolean;
  offline: boolean;
}) {
  const run = useCommand();
  const [launch, setLaunch] = useState(settings.launchDate?.slice(0, 10) ?? '');
  const [days, setDays] = useState(String(settings.adoptionDays));
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  // New settings from the platform restart the form (without an effect: React's pattern).
  const basisText = `${settings.launchDate}|${settings.adoptionDays}`;
  const [basis, setBasis] = useState(basisText);
  if (basis !== basisText) {
    setBasis(basisText);
    setLaunch(settings.launchDate?.slice(0, 10) ?? '');
    setDays(String(settings.adoptionDays));
  }

  if (!canEdit) {
    return (
      <p className="metrics-hint" data-testid="metrics-settings">
        Launch date: {settings.launchDate ? settings.launchDate.slice(0, 10) : 'the first platform event'} ·
        adoption window: {settings.adoptionDays} days
      </p>
    );
  }
  const save = async () => {
    const adoptionDays = Number(days);
    if (!Number.isInteger(adoptionDays) || adoptionDays < 1 || adoptionDays > ADOPTION_DAYS_MAX) {
      return setStatus({
        error: true,
        text: `The adoption window is a whole number of days, 1 to ${ADOPTION_DAYS_MAX}.`,
      });
    }
    const launchDate = launch === '' ? null : new Date(`${launch}T00:00:00Z`).toISOString();
    try {
      await run('metrics:settings:set', { ...settings, launchDate, adoptionDays });
      setStatus({ error: false, text: 'Saved.' });
    } catch (error) {
      setStatus({ error: true, text: errorMessage(error).message });
    }
  };
  return (
    <form
      className="metrics-settings"
      data-testid="metrics-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        Platform launch date{' '}
        <input
          type="date"
          value={launch}
          onChange={(e) => setLaunch(e.target.value)}
          data-testid="metrics-launch-date"
        />
      </label>
      <label>
        Adoption window (days){' '}
        <input
          type="number"
          min={1}
          max={ADOPTION_DAYS_MAX}
          className="metrics-number"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          data-testid="metrics-adoption-days"
        />
      </label>
      <button type="submit" className="button small" disabled={offline}>
        Save
      </button>
      {offline && <span className="metrics-hint">Saving needs the platform.</span>}
      {status && (
        <span className={status.error ? 'metrics-error' : 'metrics-hint'} role="status">
          {status.text}
        </span>
      )}
    </form>
  );
}
