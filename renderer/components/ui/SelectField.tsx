import { Select } from 'radix-ui';
import { Field } from './Field';
import './ui.css';

export type SelectOption<V extends string> = { value: V; label: string; disabled?: boolean };

// Radix Select keeps "" for "nothing chosen", so an option meaning "none" travels as this value.
const none = '__none__';

type SelectProps<V extends string> = {
  options: readonly SelectOption<V>[];
  value: V | '' | null | undefined;
  onChange(value: V | ''): void;
  placeholder?: string;
  disabled?: boolean;
  name?: string;
  'aria-label'?: string;
  'data-testid'?: string;
  id?: string;
  invalid?: boolean;
  describedBy?: string;
  onBlur?(): void;
};

/** An unlabelled select on Radix (give it `aria-label`): keyboard (type to jump, arrows, Enter, Escape) and screen readers for free. */
export function SelectInput<V extends string>({
  options,
  value,
  onChange,
  placeholder,
  disabled,
  name,
  id,
  invalid,
  describedBy,
  onBlur,
  ...aria
}: SelectProps<V>) {
  return (
    <Select.Root
      value={value === '' ? none : (value ?? undefined)}
      onValueChange={(next) => onChange(next === none ? '' : (next as V))}
      disabled={disabled}
      name={name}
      onOpenChange={(open) => {
        if (!open) onBlur?.();
      }}
    >
      <Select.Trigger
        id={id}
        className="ui-select-trigger"
        aria-label={aria['aria-label']}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        data-testid={aria['data-testid']}
      >
        <Select.Value placeholder={placeholder ?? 'Choose…'} />
        <Select.Icon className="ui-chevron">▾</Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content className="ui-popover" position="popper" sideOffset={4}>
          <Select.Viewport>
            {options.map((option) => (
              <Select.Item
                key={option.value || none}
                value={option.value || none}
                disabled={option.disabled}
                className="ui-option"
              >
                <Select.ItemText>{option.label}</Select.ItemText>
              </Select.Item>
            ))}
          </Select.Viewport>
        </Select.Content>
      </Select.Portal>
    </Select.Root>
  );
}

/** A labelled select with its hint or problem under it; with react-hook-form, use a `Controller`. */
export function SelectField<V extends string>({
  label,
  hint,
  error,
  className,
  ...select
}: Omit<SelectProps<V>, 'id' | 'invalid' | 'describedBy'> & {
  label: string;
  hint?: string;
  error?: string | null;
  className?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {({ id, describedBy }) => (
        <SelectInput {...select} id={id} invalid={Boolean(error)} describedBy={describedBy} />
      )}
    </Field>
  );
}
