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
// The first rows' query leaves before React mounts the shell (issue 12, "Start in a second"): the
// backend answers it while the tree renders, and the catalog finds it in the query cache.
// useAppReadiness asks again on mount; an in-flight or cached query is not fetched twice.
for (const query of shell.startup) void query.prefetch(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary>
        <App shell={shell} />
      </ErrorBoundary>
    </QueryClientProvider>
  </StrictMode>,
);
