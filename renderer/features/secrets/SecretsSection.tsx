import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { EnvironmentName } from '../../../shared/features/catalog/api';
import { SecretName } from '../../../shared/features/secrets/api';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { formatRelativeTime } from '../../components/relative-time';
import { useNow } from '../../components/use-now';
import { secretsQuery } from './data';
import '../../components/section-form.css';
import './Secrets.css';

/**
 * Names per environment and when each changed. Values are write-only: typed into a password field,
 * sent straight to the platform, cleared from the form, and never shown again.
 */
export function SecretsSection({ serviceId }: { serviceId: string }) {
  const secrets = useQuery(secretsQuery(serviceId));
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const now = useNow(60_000);
  const rotate = useMutation({
    mutationFn: async (target: { environment: EnvironmentName; name: string }) =>
      unwrap(await pave().invoke('secrets:rotate', { serviceId, ...target })),
    onSuccess: (meta) => setNotice(`${meta.name} in ${meta.environment} rotated.`),
  });

  return (
    <section className="service-section secrets-section" aria-labelledby="secrets-title">
      <div className="section-heading">
        <h2 id="secrets-title">Secrets</h2>
        {!editing && (
          <button
            type="button"
            className="button small"
            data-testid="secret-set"
            onClick={() => {
              setEditing(true);
              setNotice(null);
            }}
          >
            Set a secret…
          </button>
        )}
      </div>
      {editing && (
        <SecretForm
          serviceId={serviceId}
          onDone={(message) => {
            setEditing(false);
            setNotice(message);
          }}
        />
      )}
      {notice && (
        <p className="secret-notice" role="status">
          {notice}
        </p>
      )}
      {rotate.isError && (
        <p className="form-error" role="alert">
          {errorMessage(rotate.error).message}
        </p>
      )}
      {secrets.isError && (
        <QueryErrorNotice
          title="Could not load secrets"
          error={secrets.error}
          onRetry={() => void secrets.refetch()}
        />
      )}
      {secrets.data?.length === 0 && <p className="muted">No secrets yet.</p>}
      {EnvironmentName.options.map((environment) => {
        const rows = (secrets.data ?? []).filter((s) => s.environment === environment);
        if (rows.length === 0) return null;
        return (
          <div key={environment} className="secret-group">
            <h3>{environment}</h3>
            <ul className="secret-list">
              {rows.map((secret) => (
                <li
                  key={secret.id}
                  className="secret-row"
                  data-testid="secret-row"
                  data-name={secret.name}
                  data-environment={secret.environment}
                >
                  <span className="mono">{secret.name}</span>
                  <span className="muted">••••••</span>
                  {secret.resourceId && <span className="pill">resource credentials</span>}
                  <span className="muted" title={new Date(secret.updatedAt).toLocaleString()}>
                    updated {formatRelativeTime(secret.updatedAt, now)}
                  </span>
                  <button
                    type="button"
                    className="button small"
                    data-testid="secret-rotate"
                    disabled={rotate.isPending}
                    onClick={() => rotate.mutate({ environment, name: secret.name })}
                  >
                    Rotate
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function SecretForm({ serviceId, onDone }: { serviceId: string; onDone: (message: string) => void }) {
  const [environment, setEnvironment] = useState<EnvironmentName>('development');
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const nameCheck = SecretName.safeParse(name);
  const save = useMutation({
    mutationFn: async () =>
      unwrap(await pave().invoke('secrets:set', { serviceId, environment, name, value })),
    onSuccess: () => {
      setValue('');
      onDone(`${name} saved in ${environment}. Its value is not shown again.`);
    },
    // Whatever happened, the typed value does not stay in memory longer than needed.
    onError: () => setValue(''),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (nameCheck.success && value) save.mutate();
  };
  return (
    <form
      className="provision-dialog secret-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone('');
      }}
      aria-label="Set a secret"
    >
      <div className="provision-fields">
        <label>
          Environment
          <select
            data-testid="secret-environment"
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
          Name
          <input
            data-testid="secret-name"
            value={name}
            autoFocus
            placeholder="API_KEY"
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setName(e.target.value.toUpperCase())}
          />
        </label>
        <label>
          Value
          <input
            data-testid="secret-value"
            type="password"
            value={value}
            autoComplete="new-password"
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
      </div>
      {name && !nameCheck.success && <p className="form-error">{nameCheck.error.issues[0]?.message}</p>}
      {save.isError && (
        <p className="form-error" role="alert">
          {errorMessage(save.error).message}
        </p>
      )}
      <div className="provision-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="secret-save"
          disabled={!nameCheck.success || !value || save.isPending}
        >
          Save
        </button>
        <button type="button" className="button" onClick={() => onDone('')}>
          Cancel
        </button>
      </div>
    </form>
  );
}
