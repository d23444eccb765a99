import { useEffect } from 'react';
import { setAppState } from './app-state';
import './ErrorBoundary.css';

/** Browser mode's session cookie is gone (a restarted `npm start` makes a new token). */
export function SessionExpired() {
  useEffect(() => setAppState('error'), []);
  return (
    <div className="fatal-page" role="alert" data-testid="session-expired">
      <h1>Your session has expired</h1>
      <p>
        Open the URL printed by <code>npm start</code> again.
      </p>
      <p className="muted">
        Browser mode signs this tab in with a one-time link; it stops working when Pave restarts.
      </p>
    </div>
  );
}
