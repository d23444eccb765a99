import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type TextareaHTMLAttributes,
} from 'react';
import './ui.css';

type FieldFrame = { label: string; hint?: ReactNode; error?: string | null; className?: string };

/**
 * A label, the control, and under it a hint or the problem in plain words. The control gets
 * `aria-invalid` and `aria-describedby` pointing at the message, so screen readers say it too.
 */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: FieldFrame & { children(ids: { id: string; describedBy: string | undefined }): ReactNode }) {
  const id = useId();
  const messageId = `${id}-message`;
  const message = error ?? hint;
  return (
    <div className={className ? `ui-field ${className}` : 'ui-field'}>
      <label className="ui-field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy: message ? messageId : undefined })}
      {error ? (
        <span id={messageId} className="ui-field-error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span id={messageId} className="ui-field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

type TextFieldProps = FieldFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & { ref?: Ref<HTMLInputElement> };

/** A labelled text input; spread react-hook-form's `register(name)` into it. */
export function TextField({ label, hint, error, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {({ id, describedBy }) => (
        <input
          id={id}
          className="ui-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </Field>
  );
}

type TextAreaProps = FieldFrame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'> & { ref?: Ref<HTMLTextAreaElement> };

/** A labelled multi-line input; spread react-hook-form's `register(name)` into it. */
export function TextArea({ label, hint, error, className, ...input }: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          className="ui-textarea"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </Field>
  );
}

/** A refusal that belongs to the whole form (not one field), said where the user is looking. */
export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="ui-form-error" role="alert">
      {children}
    </p>
  );
}
