import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '../components/ui/Button';
import { errorMessage, nextStepFor } from '../data/ipc-error';
import { setAppState } from './app-state';
import './ErrorBoundary.css';

interface State {
  error: unknown;
}

/** A render crash becomes a readable page with a way out; the stack goes to the console only. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    setAppState('error');
    console.error('Pave renderer crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    const { message, code } = errorMessage(this.state.error);
    return (
      <div className="fatal-page" role="alert">
        <h1>Something went wrong</h1>
        <p>{message}</p>
        <p className="muted">{nextStepFor(code)}</p>
        <Button variant="primary" onClick={() => window.location.reload()}>
          Reload Pave
        </Button>
      </div>
    );
  }
}
