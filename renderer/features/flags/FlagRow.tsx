import { useState } from 'react';
import type { FlagView } from '../../../shared/features/flags/api';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { Switch } from '../../components/ui/Choice';
import { parseRollout } from './flag-form';

/** One flag: its switch (space or enter, the kit's Radix Switch), key, pending mark, rollout percentage and delete. */
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
      <Switch
        label={<span className="visually-hidden">{`${flag.key} in ${flag.environment}`}</span>}
        checked={flag.enabled}
        onChange={onToggle}
        testId="flag-toggle"
      />
      <span className="flag-key mono">{flag.key}</span>
      {flag.description && <span className="muted flag-description">{flag.description}</span>}
      {flag.pending && (
        <span title="Waiting to reach the platform (offline or not sent yet)">
          <Badge tone="warn" testId="flag-pending">
            pending
          </Badge>
        </span>
      )}
      <label className="flag-rollout">
        <span className="muted">Rollout</span>
        <input
          className="ui-input"
          aria-label={`Rollout of ${flag.key} in ${flag.environment}, percent`}
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
        <span className="ui-field-error" id={`rollout-error-${flag.id}`} role="alert">
          {rollout.message}
        </span>
      )}
      <Button size="small" variant="danger" data-testid="flag-delete" onClick={onDelete}>
        Delete
      </Button>
    </li>
  );
}
