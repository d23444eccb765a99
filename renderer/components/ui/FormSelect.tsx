import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { SelectField, type SelectOption } from './SelectField';

/**
 * A labelled select bound to a react-hook-form field: its value, its blur (which runs the field's
 * check) and its problem under it, as every form on the kit shows them. `onPicked` runs after the
 * field has the new value, for forms whose other fields depend on it.
 */
export function FormSelect<T extends FieldValues, V extends string, Checked extends FieldValues = T>({
  control,
  name,
  onPicked,
  ...select
}: {
  // `Checked` is what the form's resolver turns the draft into (the same type without one).
  control: Control<T, unknown, Checked>;
  name: FieldPath<T>;
  label: string;
  options: readonly SelectOption<V>[];
  placeholder?: string;
  hint?: string;
  className?: string;
  'data-testid'?: string;
  onPicked?(value: V | ''): void;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <SelectField
          {...select}
          value={field.value as V | ''}
          onChange={(next) => {
            field.onChange(next);
            onPicked?.(next);
          }}
          onBlur={field.onBlur}
          name={field.name}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
