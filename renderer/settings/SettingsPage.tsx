import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { Settings } from '../../shared/ipc/contract';
import { QueryErrorNotice } from '../components/QueryErrorNotice';
import { Badge } from '../components/ui/Badge';
import { Button } from '../components/ui/Button';
import { FormError, TextField } from '../components/ui/Field';
import { toast } from '../components/ui/toast-store';
import { errorMessage, IpcError, unwrap } from '../data/ipc-error';
import { settingsQuery } from '../data/ipc-queries';
import { pave } from '../data/pave';
import { queryKeys } from '../data/query-keys';
import { AppearanceSection } from './AppearanceSection';
import { PlatformDraft } from './platform-form';
import { TokensSection } from './TokensSection';
import './SettingsPage.css';

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
          <AppearanceSection />
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
              {settings.org.isDemo && (
                <span className="settings-demo">
                  <Badge tone="warn">demo data</Badge>
                </span>
              )}
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
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors },
  } = useForm<PlatformDraft>({
    resolver: zodResolver(PlatformDraft),
    defaultValues: { url: settings.mode === 'remote' ? (settings.platformUrl ?? '') : '', token: '' },
  });

  const onSaved = (next: Settings) => {
    queryClient.setQueryData(queryKeys.settings, next);
    // Another platform means other data everywhere; the resync's table events follow, but the
    // status and catalog must not show the old platform meanwhile.
    void queryClient.invalidateQueries();
  };

  const setPlatform = useMutation({
    mutationFn: async (input: PlatformDraft) => unwrap(await pave().invoke('settings:setPlatform', input)),
    onSuccess: (next) => {
      resetField('token', { defaultValue: '' });
      onSaved(next);
      toast({ title: 'Connected', description: 'Pave is syncing from the new platform.' });
    },
    onError: (err) => {
      // The draft stays; a reason about the URL or the token goes next to it.
      for (const problem of err instanceof IpcError ? err.fields : []) {
        if (problem.path === 'url' || problem.path === 'token') {
          setError(problem.path, { type: 'server', message: problem.message });
        }
      }
    },
  });
  const embedded = useMutation({
    mutationFn: async () => unwrap(await pave().invoke('settings:useEmbedded', {})),
    onSuccess: (next) => {
      onSaved(next);
      toast({ title: 'Using the embedded demo platform' });
    },
  });

  const busy = setPlatform.isPending || embedded.isPending;
  return (
    <section className="settings-section" aria-labelledby="settings-switch">
      <h2 id="settings-switch">Connect to a platform</h2>
      <p className="muted settings-help">
        Pave checks the URL and token with a call to the platform before it saves them, then syncs the catalog
        from there. The token is stored encrypted on this computer.
      </p>
      <form
        className="settings-form"
        onSubmit={(event) =>
          void handleSubmit((draft) => {
            embedded.reset();
            setPlatform.mutate(draft);
          })(event)
        }
        noValidate
      >
        <TextField
          label="Platform URL"
          type="url"
          placeholder="https://platform.example.com"
          error={errors.url?.message}
          data-testid="settings-url"
          autoComplete="url"
          {...register('url')}
        />
        <TextField
          label="Access token"
          type="password"
          placeholder="Personal access token"
          error={errors.token?.message}
          data-testid="settings-token"
          autoComplete="off"
          {...register('token')}
        />
        {setPlatform.isError && (
          <div className="ui-form-error" role="alert" data-testid="settings-error">
            {errorMessage(setPlatform.error).message}
          </div>
        )}
        {setPlatform.isSuccess && (
          <div className="settings-success" role="status">
            Connected. Pave is syncing from the new platform.
          </div>
        )}
        <div className="settings-actions">
          <Button type="submit" variant="primary" disabled={busy} data-testid="settings-connect">
            {setPlatform.isPending ? 'Checking…' : 'Check and connect'}
          </Button>
        </div>
      </form>

      <div className="settings-embedded">
        <div>
          <div className="settings-embedded-title">Embedded demo platform</div>
          <div className="muted">
            A platform with demo data that runs on this computer. Nothing leaves your machine.
          </div>
        </div>
        <Button
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
        </Button>
      </div>
      <FormError>{embedded.isError ? errorMessage(embedded.error).message : null}</FormError>
    </section>
  );
}
