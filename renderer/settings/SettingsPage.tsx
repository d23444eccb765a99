import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ipcCommands } from '../../shared/contract';
import type { Settings } from '../../shared/ipc/contract';
import { QueryErrorNotice } from '../components/QueryErrorNotice';
import { errorMessage } from '../data/ipc-error';
import { settingsQuery } from '../data/ipc-queries';
import { unwrap } from '../data/ipc-error';
import { pave } from '../data/pave';
import { queryKeys } from '../data/query-keys';
import { TokensSection } from './TokensSection';
import './SettingsPage.css';

const PlatformInput = ipcCommands['settings:setPlatform'].input;

export function SettingsPage() {
  const settings = useQuery(settingsQuery());
  return (
    <div className="settings-page">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <div className="page-scroll">
        <div className="settings-body">
          {settings.isPending && <p className="muted">Loading settings…</p>}
          {settings.isError && (
            <QueryErrorNotice
              title="Could not load settings"
              error={settings.error}
              onRetry={() => void settings.refetch()}
            />
          )}
          {settings.data && <CurrentPlatform settings={settings.data} />}
          {settings.data && <SwitchPlatform settings={settings.data} />}
          {settings.data && <TokensSection />}
        </div>
      </div>
    </div>
  );
}

function CurrentPlatform({ settings }: { settings: Settings }) {
  return (
    <section className="settings-section" aria-labelledby="settings-current">
      <h2 id="settings-current">Platform</h2>
      <dl className="settings-facts">
        <dt>Mode</dt>
        <dd data-testid="settings-mode">
          {settings.mode === 'embedded'
            ? 'Embedded demo platform (runs on this computer)'
            : 'Remote platform'}
        </dd>
        <dt>Platform URL</dt>
        <dd className="mono">{settings.platformUrl ?? <span className="muted">Starting…</span>}</dd>
        <dt>Organization</dt>
        <dd>
          {settings.org ? (
            <>
              {settings.org.name}
              {settings.org.isDemo && <span className="settings-demo">demo data</span>}
            </>
          ) : (
            <span className="muted">Not synced yet</span>
          )}
        </dd>
        <dt>Signed in as</dt>
        <dd>
          {settings.user ? (
            <>
              {settings.user.name}{' '}
              <span className="muted">
                &lt;{settings.user.email}&gt; · {settings.user.role}
              </span>
            </>
          ) : (
            <span className="muted">Not synced yet</span>
          )}
        </dd>
      </dl>
    </section>
  );
}

function SwitchPlatform({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(settings.mode === 'remote' ? (settings.platformUrl ?? '') : '');
  const [token, setToken] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ url?: string; token?: string }>({});

  const onSaved = (next: Settings) => {
    queryClient.setQueryData(queryKeys.settings, next);
    // Another platform means other data everywhere; the resync's table events follow, but the
    // status and catalog must not show the old platform meanwhile.
    void queryClient.invalidateQueries();
  };

  const setPlatform = useMutation({
    mutationFn: async (input: { url: string; token: string }) =>
      unwrap(await pave().invoke('settings:setPlatform', input)),
    onSuccess: (next) => {
      setToken('');
      onSaved(next);
    },
  });
  const embedded = useMutation({
    mutationFn: async () => unwrap(await pave().invoke('settings:useEmbedded', {})),
    onSuccess: onSaved,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = PlatformInput.safeParse({ url: url.trim(), token: token.trim() });
    if (!parsed.success) {
      const errors: { url?: string; token?: string } = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'url' && !errors.url)
          errors.url = 'Enter an http(s) URL, e.g. https://platform.example.com';
        if (field === 'token' && !errors.token) errors.token = 'A token is 10 to 500 characters.';
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    embedded.reset();
    setPlatform.mutate(parsed.data);
  };

  const busy = setPlatform.isPending || embedded.isPending;
  return (
    <section className="settings-section" aria-labelledby="settings-switch">
      <h2 id="settings-switch">Connect to a platform</h2>
      <p className="muted settings-help">
        Pave checks the URL and token with a call to the platform before it saves them, then syncs the catalog
        from there. The token is stored encrypted on this computer.
      </p>
      <form className="settings-form" onSubmit={onSubmit} noValidate>
        <label className="settings-field">
          <span>Platform URL</span>
          <input
            className="input"
            type="url"
            name="url"
            placeholder="https://platform.example.com"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            aria-invalid={fieldErrors.url ? true : undefined}
            data-testid="settings-url"
            autoComplete="url"
          />
          {fieldErrors.url && <span className="settings-field-error">{fieldErrors.url}</span>}
        </label>
        <label className="settings-field">
          <span>Access token</span>
          <input
            className="input"
            type="password"
            name="token"
            placeholder="Personal access token"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            aria-invalid={fieldErrors.token ? true : undefined}
            data-testid="settings-token"
            autoComplete="off"
          />
          {fieldErrors.token && <span className="settings-field-error">{fieldErrors.token}</span>}
        </label>
        {setPlatform.isError && (
          <div className="settings-error" role="alert" data-testid="settings-error">
            {errorMessage(setPlatform.error).message}
          </div>
        )}
        {setPlatform.isSuccess && (
          <div className="settings-success" role="status">
            Connected. Pave is syncing from the new platform.
          </div>
        )}
        <div className="settings-actions">
          <button type="submit" className="button primary" disabled={busy} data-testid="settings-connect">
            {setPlatform.isPending ? 'Checking…' : 'Check and connect'}
          </button>
        </div>
      </form>

      <div className="settings-embedded">
        <div>
          <div className="settings-embedded-title">Embedded demo platform</div>
          <div className="muted">
            A platform with demo data that runs on this computer. Nothing leaves your machine.
          </div>
        </div>
        <button
          type="button"
          className="button"
          disabled={busy || settings.mode === 'embedded'}
          onClick={() => {
            setPlatform.reset();
            embedded.mutate();
          }}
          data-testid="settings-use-embedded"
        >
          {settings.mode === 'embedded'
            ? 'In use'
            : embedded.isPending
              ? 'Switching…'
              : 'Use the embedded demo platform'}
        </button>
      </div>
      {embedded.isError && (
        <div className="settings-error" role="alert">
          {errorMessage(embedded.error).message}
        </div>
      )}
    </section>
  );
}
