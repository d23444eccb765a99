import type { KeyboardEvent } from 'react';
import { EnvironmentName } from '../../../shared/features/catalog/api';
import type { FlagView } from '../../../shared/features/flags/api';

/** One tab per environment with its flag count; arrow keys move between them (WAI-ARIA tabs). */
export function EnvironmentTabs({
  value,
  flags,
  onChange,
}: {
  value: EnvironmentName;
  flags: readonly FlagView[];
  onChange(environment: EnvironmentName): void;
}) {
  const environments = EnvironmentName.options;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next =
      environments[(environments.indexOf(value) + step + environments.length) % environments.length];
    if (next) {
      onChange(next);
      document.getElementById(`flags-tab-${next}`)?.focus();
    }
  };
  return (
    <div className="flag-tabs" role="tablist" aria-label="Environment" onKeyDown={onKeyDown}>
      {environments.map((environment) => (
        <button
          key={environment}
          type="button"
          role="tab"
          id={`flags-tab-${environment}`}
          aria-selected={environment === value}
          aria-controls={`flags-panel-${environment}`}
          tabIndex={environment === value ? 0 : -1}
          className="flag-tab"
          data-testid="flag-env-tab"
          data-environment={environment}
          onClick={() => onChange(environment)}
        >
          {environment}{' '}
          <span className="muted">{flags.filter((f) => f.environment === environment).length}</span>
        </button>
      ))}
    </div>
  );
}
