import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setAppState } from './app/app-state';
import { ErrorBoundary } from './app/ErrorBoundary';
import { useSessionStore } from './app/session-store';
import { installWebBridgeIfMissing } from './bridge/install-web-bridge';
import { connectLiveUpdates } from './data/live-updates';
import { pave } from './data/pave';
import { createQueryClient } from './data/query-client';
import './theme/theme.css';

setAppState('loading');
const queryClient = createQueryClient();

installWebBridgeIfMissing({
  onUnauthorized: () => useSessionStore.getState().expire(),
  // Events sent while the stream was down are lost: treat every query as possibly stale.
  onReconnect: () => void queryClient.invalidateQueries(),
});
connectLiveUpdates(pave(), queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </QueryClientProvider>
  </StrictMode>,
);
