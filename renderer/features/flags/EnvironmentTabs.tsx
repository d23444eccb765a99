import type { ReactNode } from 'react';
import { EnvironmentName } from '../../../shared/features/catalog/api';
import type { FlagView } from '../../../shared/features/flags/api';
import { Tabs } from '../../components/ui/Choice';

/** One tab per environment with its flag count over that environment's flags; arrows move between tabs. */
export function EnvironmentTabs({
  value,
  flags,
  onChange,
  children,
}: {
  value: EnvironmentName;
  flags: readonly FlagView[];
  onChange(environment: EnvironmentName): void;
  children: ReactNode;
}) {
  const tabs = EnvironmentName.options.map((environment) => ({
    value: environment,
    label: (
      <span data-testid="flag-env-tab" data-environment={environment}>
        {environment}{' '}
        <span className="muted">{flags.filter((f) => f.environment === environment).length}</span>
      </span>
    ),
  }));
  return (
    <div className="flag-tabs">
      <Tabs label="Environment" tabs={tabs} value={value} onChange={onChange}>
        {children}
      </Tabs>
    </div>
  );
}
