import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { EnvironmentName } from '../../../shared/features/catalog/api';
import type { FlagView } from '../../../shared/features/flags/api';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { keyProblem, parseRollout } from './flag-form';

/** Creates a flag (off): the key is checked while typing, a key the environment has is refused here. */
export function FlagForm({
  serviceId,
  environment: initialEnvironment,
  flags,
  onDone,
}: {
  serviceId: string;
  environment: EnvironmentName;
  flags: readonly FlagView[];
  onDone(created: { key: string; environment: EnvironmentName } | null): void;
}) {
  const [environment, setEnvironment] = useState<EnvironmentName>(initialEnvironment);
  const [key, setKey] = useState('');
  const [description, setDescription] = useState('');
  const [rolloutText, setRolloutText] = useState('100');
  const problem = keyProblem(key, environment, flags);
  const rollout = parseRollout(rolloutText);
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await pave().invoke('flags:create', {
          serviceId,
          environment,
          key,
          description,
          enabled: false,
          rolloutPercent: rollout.ok ? rollout.value : 100,
        }),
      ),
    onSuccess: () => onDone({ key, environment }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem && rollout.ok) create.mutate();
  };
  return (
    <form
      className="provision-dialog flag-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone(null);
      }}
      aria-label="New feature flag"
      data-testid="flag-form"
    >
      <div className="provision-fields">
        <label>
          Environment
          <select
            data-testid="flag-environment"
            value={environment}
            onChange={(e) => setEnvironment(EnvironmentName.parse(e.target.value))}
          >
            {EnvironmentName.options.map((env) => (
              <option key={env} value={env}>
                {env}
              </option>
            ))}
          </select>
        </label>
        <label>
          Key
          <input
            className="input mono"
            data-testid="flag-key"
            value={key}
            autoFocus
            placeholder="new-checkout"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={Boolean(key && problem)}
            onChange={(e) => setKey(e.target.value.trim())}
          />
        </label>
        <label className="flag-form-description">
          Description
          <input
            className="input"
            data-testid="flag-description"
            value={description}
            maxLength={500}
            placeholder="What it turns on"
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <label>
          Rollout %
          <input
            className="input"
            data-testid="flag-new-rollout"
            inputMode="numeric"
            value={rolloutText}
            aria-invalid={!rollout.ok}
            onChange={(e) => setRolloutText(e.target.value)}
          />
        </label>
      </div>
      {key && problem && (
        <p className="form-error" data-testid="flag-key-error">
          {problem}
        </p>
      )}
      {!rollout.ok && <p className="form-error">{rollout.message}</p>}
      {create.isError && (
        <p className="form-error" role="alert">
          {errorMessage(create.error).message}
        </p>
      )}
      <div className="provision-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="flag-create"
          disabled={Boolean(problem) || !rollout.ok || create.isPending}
        >
          Create flag
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
