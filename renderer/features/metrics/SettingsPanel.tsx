import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { MetricsSettings } from '../../../shared/features/metrics/api';
import { Button } from '../../components/ui/Button';
import { FormError, TextField } from '../../components/ui/Field';
import { toast } from '../../components/ui/toast-store';
import { useCommand } from '../../data/command';
import { errorMessage, IpcError } from '../../data/ipc-error';
import {
  MetricsSettingsDraft,
  SETTINGS_LABEL,
  settingsDraftOf,
  settingsFieldOf,
  settingsOf,
} from './settings-form';

/**
 * The launch date that splits before from after, and the adoption window. Everyone sees them;
 * leads change them (the platform checks the role and audits the change). A refusal keeps what was
 * typed and says why next to the field.
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
  if (!canEdit) {
    return (
      <p className="metrics-hint" data-testid="metrics-settings">
        Launch date: {settings.launchDate ? settings.launchDate.slice(0, 10) : 'the first platform event'} ·
        adoption window: {settings.adoptionDays} days
      </p>
    );
  }
  // New settings from the platform restart the form.
  return (
    <SettingsForm
      key={`${settings.launchDate}|${settings.adoptionDays}`}
      settings={settings}
      offline={offline}
    />
  );
}

function SettingsForm({ settings, offline }: { settings: MetricsSettings; offline: boolean }) {
  const run = useCommand();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<MetricsSettingsDraft>({
    resolver: zodResolver(MetricsSettingsDraft),
    defaultValues: settingsDraftOf(settings),
  });
  const problem = (field: keyof MetricsSettingsDraft) => {
    const message = errors[field]?.message;
    if (!message) return undefined;
    return /^[a-z]/.test(message) ? `${SETTINGS_LABEL[field]} ${message}` : message;
  };

  const save = async (draft: MetricsSettingsDraft) => {
    setFailure(null);
    try {
      await run('metrics:settings:set', settingsOf(settings, draft));
      toast({ title: 'Metrics settings saved', description: 'Everyone now sees the numbers with them.' });
    } catch (err) {
      const fields = err instanceof IpcError ? err.fields : [];
      let unplaced = fields.length === 0;
      for (const f of fields) {
        const field = settingsFieldOf(f.path);
        if (field) setError(field, { type: 'server', message: f.message });
        else unplaced = true;
      }
      setFailure(unplaced ? errorMessage(err).message : null);
    }
  };
  return (
    <form
      className="metrics-settings"
      data-testid="metrics-settings"
      noValidate
      onSubmit={(event) => void handleSubmit(save)(event)}
    >
      <TextField
        label={SETTINGS_LABEL.launchDay}
        hint="Empty: the first platform event."
        type="date"
        error={problem('launchDay')}
        data-testid="metrics-launch-date"
        {...register('launchDay')}
      />
      <TextField
        label={SETTINGS_LABEL.adoptionDays}
        type="number"
        className="metrics-number-field"
        error={problem('adoptionDays')}
        data-testid="metrics-adoption-days"
        {...register('adoptionDays', { valueAsNumber: true })}
      />
      <div className="metrics-actions">
        <Button
          type="submit"
          size="small"
          disabled={offline || isSubmitting}
          data-testid="metrics-settings-save"
        >
          {isSubmitting ? 'Saving…' : 'Save'}
        </Button>
        {offline && <span className="metrics-hint">Saving needs the platform.</span>}
      </div>
      <FormError>{failure}</FormError>
    </form>
  );
}
