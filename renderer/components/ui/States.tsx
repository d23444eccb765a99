import type { ReactNode } from 'react';
import './ui.css';

/** Nothing to show yet: what the list holds once it has something, and how to get there. */
export function EmptyState({
  title,
  children,
  action,
  testId,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="ui-state" data-testid={testId}>
      <p className="ui-state-title">{title}</p>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

/** Something failed: what, in plain words, and the next step (usually a retry). */
export function ErrorState({
  title,
  children,
  action,
  testId,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="ui-state" data-tone="danger" role="alert" data-testid={testId}>
      <p className="ui-state-title">{title}</p>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}
