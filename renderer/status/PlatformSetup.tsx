import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PlatformSetup } from '../../shared/ipc/platform-setup';
import { Button } from '../components/ui/Button';
import { ErrorState } from '../components/ui/States';
import { unwrap } from '../data/ipc-error';
import { pave } from '../data/pave';
import { queryKeys } from '../data/query-keys';
import { platformSetupFraction, platformSetupText } from './platform-setup-text';
import './PlatformSetup.css';

const platformSetupKey = ['platform', 'setup'] as const;

/** The embedded platform's setup as last reported, kept fresh by `platform:setup` events. */
const platformSetupQuery = () =>
  queryOptions({
    queryKey: platformSetupKey,
    queryFn: async () => unwrap(await pave().invoke('platform:setup', {})),
  });

/** The setup as last reported, subscribed to its events while the component is shown. */
function usePlatformSetup() {
  const queryClient = useQueryClient();
  useEffect(
    () => pave().on('platform:setup', (next) => queryClient.setQueryData(platformSetupKey, next)),
    [queryClient],
  );
  return useQuery(platformSetupQuery()).data;
}

/**
 * What to show while the catalog has no rows yet: the demo platform's setup as it happens
 * (database, migrations, the demo seed, the first sync), its failure with the next step, or
 * `fallback` when no setup is going on (a remote platform, a warm start).
 */
export function PlatformSetupProgress({ fallback }: { fallback: string }) {
  const setup = usePlatformSetup();
  if (!setup || setup.step === 'idle') return <>{fallback}</>;
  if (setup.step === 'failed') return <SetupFailed setup={setup} />;
  const fraction = platformSetupFraction(setup);
  return (
    <div className="platform-setup" data-testid="platform-setup" data-step={setup.step} role="status">
      <span className="platform-setup-text">{platformSetupText(setup)}</span>
      {fraction !== null && (
        <span className="platform-setup-bar" aria-hidden="true">
          <span style={{ width: `${Math.round(fraction * 100)}%` }} />
        </span>
      )}
    </div>
  );
}

/** The demo platform's setup failure with its next step, where an empty catalog explains itself; else nothing. */
export function PlatformSetupFailure() {
  const setup = usePlatformSetup();
  if (setup?.step !== 'failed') return null;
  return (
    <div className="platform-setup-failure">
      <SetupFailed setup={setup} />
    </div>
  );
}

function SetupFailed({ setup }: { setup: PlatformSetup }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    // sync:now relaunches an embedded platform that failed (PlatformConnection.retryIfFailed).
    mutationFn: async () => unwrap(await pave().invoke('sync:now', {})),
    onSuccess: (status) => queryClient.setQueryData(queryKeys.syncStatus, status),
  });
  return (
    <ErrorState
      title="The demo platform could not start"
      testId="platform-setup-failed"
      action={
        <Button onClick={() => retry.mutate()} disabled={retry.isPending}>
          {retry.isPending ? 'Trying again…' : 'Try again'}
        </Button>
      }
    >
      {sentence(setup.error?.message ?? 'No reason was given')} Try again; if it keeps failing, the terminal
      that runs Pave shows the platform&apos;s log, or connect to another platform in Settings.
    </ErrorState>
  );
}

/** The reason as a sentence of its own: the next step follows it. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
