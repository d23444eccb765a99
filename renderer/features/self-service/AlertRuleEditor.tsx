import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { alertRulesQuery } from './data';

// The platform's default when an environment has no rule of its own (server/health/alert-rules.ts).
const DEFAULT_SECONDS = 30;

/** "Open an incident after N s unhealthy" for one environment; saved on the platform (online). */
export function AlertRuleEditor({
  serviceId,
  environment,
}: {
  serviceId: string;
  environment: EnvironmentName;
}) {
  const rules = useQuery(alertRulesQuery(serviceId));
  const rule = rules.data?.find((r) => r.environment === environment) ?? null;
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (unhealthySeconds: number) =>
      unwrap(
        await pave().invoke('alertRules:set', { serviceId, environment, unhealthySeconds, enabled: true }),
      ),
    onSuccess: () => setDraft(null),
  });
  const current = rule?.unhealthySeconds ?? DEFAULT_SECONDS;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const seconds = Number(draft);
    if (Number.isInteger(seconds) && seconds >= 1 && seconds <= 86_400) save.mutate(seconds);
  };
  return (
    <form className="alert-rule" onSubmit={onSubmit} data-testid="alert-rule" data-environment={environment}>
      <label>
        Incident after{' '}
        <input
          type="number"
          min={1}
          max={86_400}
          aria-label={`Seconds unhealthy before an incident opens in ${environment}`}
          value={draft ?? String(current)}
          onChange={(event) => setDraft(event.target.value)}
        />{' '}
        s unhealthy
      </label>
      {draft !== null && draft !== String(current) && (
        <button type="submit" className="button small" disabled={save.isPending}>
          Save
        </button>
      )}
      {!rule && <span className="muted"> (default)</span>}
      {save.isError && <div className="form-error">{errorMessage(save.error).message}</div>}
    </form>
  );
}
