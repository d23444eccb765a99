import { errorMessage, nextStepFor } from '../data/ipc-error';
import './QueryErrorNotice.css';

/** A failed load: the backend's message and what to do next — never a stack trace. */
export function QueryErrorNotice({
  error,
  title = 'Could not load this',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const { message, code } = errorMessage(error);
  return (
    <div className="query-error" role="alert">
      <div className="query-error-title">{title}</div>
      <div className="query-error-message">{message}</div>
      <div className="query-error-hint muted">{nextStepFor(code)}</div>
      {onRetry && (
        <button type="button" className="button small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
