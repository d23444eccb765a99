import { Checkbox as RadixCheckbox, RadioGroup, Switch as RadixSwitch, Tabs as RadixTabs } from 'radix-ui';
import type { ReactNode } from 'react';
import './ui.css';

/** What a labelled on/off control takes: its words, its state, and where a change goes. */
interface OnOffProps {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  testId?: string;
}

/** A check box with its label; clicking the words toggles it too. */
export function Checkbox({ label, checked, onChange, disabled, testId }: OnOffProps) {
  return (
    <label className="ui-check">
      <RadixCheckbox.Root
        className="ui-checkbox"
        checked={checked}
        onCheckedChange={(next) => onChange(next === true)}
        disabled={disabled}
        data-testid={testId}
      >
        <RadixCheckbox.Indicator>✓</RadixCheckbox.Indicator>
      </RadixCheckbox.Root>
      <span>{label}</span>
    </label>
  );
}

/** An on/off switch for settings that take effect at once (a flag, a rule's enabled state). */
export function Switch({ label, checked, onChange, disabled, testId }: OnOffProps) {
  return (
    <label className="ui-check">
      <RadixSwitch.Root
        className="ui-switch"
        checked={checked}
        onCheckedChange={onChange}
        disabled={disabled}
        data-testid={testId}
      >
        <RadixSwitch.Thumb className="ui-switch-thumb" />
      </RadixSwitch.Root>
      <span>{label}</span>
    </label>
  );
}

/**
 * One choice out of a few shown side by side (an NPS score 0–10, a rating, a lifecycle): arrows
 * move between them, and the group has one tab stop.
 */
export function RadioCards<V extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  testId,
}: {
  legend: ReactNode;
  options: readonly { value: V; label: string; description?: string }[];
  value: V | null | undefined;
  onChange(value: V): void;
  error?: string | null;
  testId?: string;
}) {
  return (
    <fieldset className="ui-fieldset" data-testid={testId}>
      <legend>{legend}</legend>
      <RadioGroup.Root
        className="ui-radio-cards"
        value={value ?? ''}
        onValueChange={(next) => onChange(next as V)}
        orientation="horizontal"
        aria-invalid={error ? true : undefined}
      >
        {options.map((option) => (
          <RadioGroup.Item
            key={option.value}
            value={option.value}
            className="ui-radio-card"
            title={option.description}
            aria-label={option.description ? `${option.label}: ${option.description}` : undefined}
          >
            {option.label}
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>
      {error ? (
        <span className="ui-field-error" role="alert">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

/** Tabs over panels; arrows move between tabs. */
export function Tabs<V extends string>({
  label,
  tabs,
  value,
  onChange,
  children,
}: {
  label: string;
  tabs: readonly { value: V; label: ReactNode }[];
  value: V;
  onChange(value: V): void;
  children: ReactNode;
}) {
  return (
    <RadixTabs.Root value={value} onValueChange={(next) => onChange(next as V)}>
      <RadixTabs.List className="ui-tabs-list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.value} value={tab.value} className="ui-tab">
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      <RadixTabs.Content value={value}>{children}</RadixTabs.Content>
    </RadixTabs.Root>
  );
}
