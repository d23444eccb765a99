import { QueryClientProvider } from '@tanstack/react-query';
import { installPlainErrors } from '../shared/api/plain-errors';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installWebBridgeIfMissing } from './bridge/install-web-bridge';
import { connectLiveUpdates } from './data/live-updates';
import { invalidateFresh } from './data/invalidate-fresh';
import { pave } from './data/pave';
import { createQueryClient } from './data/query-client';
import { home, rendererFeatures } from './features';
import { App } from './shell/App';
import { setAppState } from './shell/app-state';
import { composeShell } from './shell/compose-shell';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { useSessionStore } from './shell/session-store';
import './theme/theme.css';

setAppState('loading');
installPlainErrors();
const queryClient = createQueryClient();
const shell = composeShell(rendererFeatures, home);

installWebBridgeIfMissing({
  onUnauthorized: () => useSessionStore.getState().expire(),
  // Events sent while the stream was down are lost: treat every query as possibly stale.
  onReconnect: () => invalidateFresh(queryClient),
});
connectLiveUpdates(pave(), queryClient, shell.queriesByTable);
// The first rows' query leaves before React mounts the shell (issue 12, "Start in a second"), and
// the first render waits for it, briefly: the answer usually comes within a few milliseconds, so the
// first frame already shows the rows instead of "Loading the catalog…" followed by a second render
// of the whole page (~70 ms on a warm start). A slow answer shows the loading state after at most
// FIRST_READS_WAIT_MS. useAppReadiness asks again on mount; a cached query is not fetched twice.
const FIRST_READS_WAIT_MS = 150;
const firstReads = Promise.all(shell.startup.map((query) => query.prefetch(queryClient)));
const waited = new Promise((resolve) => setTimeout(resolve, FIRST_READS_WAIT_MS));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

void Promise.race([firstReads, waited]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ErrorBoundary>
          <App shell={shell} />
        </ErrorBoundary>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
