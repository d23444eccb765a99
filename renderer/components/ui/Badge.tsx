import type { ReactNode } from 'react';
import './ui.css';

export type Tone = 'neutral' | 'ok' | 'warn' | 'danger' | 'accent';

/** A short status word with a tone; the word carries the meaning, the colour only helps. */
export function Badge({
  tone = 'neutral',
  children,
  testId,
}: {
  tone?: Tone;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <span className="ui-badge" data-tone={tone} data-testid={testId}>
      {children}
    </span>
  );
}
