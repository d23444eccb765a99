import { useState } from 'react';
import type { FlagView } from '../../../shared/features/flags/api';
import { parseRollout } from './flag-form';

/** One flag: its switch (space or enter), key, pending mark, rollout percentage and delete. */
export function FlagRow({
  flag,
  onToggle,
  onRollout,
  onDelete,
}: {
  flag: FlagView;
  onToggle(): void;
  onRollout(percent: number): void;
  onDelete(): void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const rollout = draft === null ? null : parseRollout(draft);
  const commit = () => {
    if (rollout?.ok && rollout.value !== flag.rolloutPercent) onRollout(rollout.value);
    if (!rollout || rollout.ok) setDraft(null);
  };
  return (
    <li
      className="flag-row"
      data-testid="flag-row"
      data-key={flag.key}
      data-environment={flag.environment}
      data-enabled={flag.enabled}
      data-pending={flag.pending}
    >
      {/* A button with role switch: space and enter toggle it, as for any button. */}
      <button
        type="button"
        role="switch"
        aria-checked={flag.enabled}
        aria-label={`${flag.key} in ${flag.environment}`}
        className={`flag-switch${flag.enabled ? ' on' : ''}`}
        data-testid="flag-toggle"
        onClick={onToggle}
      >
        <span className="flag-switch-knob" />
      </button>
      <span className="flag-key mono">{flag.key}</span>
      {flag.description && <span className="muted flag-description">{flag.description}</span>}
      {flag.pending && (
        <span
          className="pill"
          title="Waiting to reach the platform (offline or not sent yet)"
          data-testid="flag-pending"
        >
          pending
        </span>
      )}
      <label className="flag-rollout">
        <span className="muted">Rollout</span>
        <input
          className="input"
          data-testid="flag-rollout"
          inputMode="numeric"
          aria-invalid={rollout ? !rollout.ok : false}
          aria-describedby={rollout && !rollout.ok ? `rollout-error-${flag.id}` : undefined}
          value={draft ?? String(flag.rolloutPercent)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
        <span className="muted">%</span>
      </label>
      {rollout && !rollout.ok && (
        <span className="form-error" id={`rollout-error-${flag.id}`} role="alert">
          {rollout.message}
        </span>
      )}
      <button type="button" className="button small danger" data-testid="flag-delete" onClick={onDelete}>
        Delete
      </button>
    </li>
  );
}
