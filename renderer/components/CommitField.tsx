import { useId, useState, type InputHTMLAttributes } from 'react';
import type { z } from 'zod';
import { errorMessage } from '../data/ipc-error';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onBlur' | 'type'>;

/** Reads what was typed as the schema's input: text as is, numbers as numbers, empty as missing. */
export function readField<T>(
  raw: string,
  kind: 'text' | 'number',
  schema: z.ZodType<T>,
  label: string,
): { ok: true; value: T } | { ok: false; message: string } {
  const input = kind === 'number' ? (raw.trim() === '' ? undefined : Number(raw)) : raw;
  if (kind === 'number' && input !== undefined && !Number.isFinite(input)) {
    return { ok: false, message: `${label} must be a number` };
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues[0]?.message ?? 'is not valid';
  // Plain messages are predicates ("must be at most 1000"); a schema's own may be a sentence.
  return { ok: false, message: /^[A-Z]/.test(message) ? `${label}: ${message}` : `${label} ${message}` };
}

/**
 * An input that saves on blur or Enter, checked first with the field's shared schema. Anything
 * refused — by the schema or by the backend — shows its reason under the field and puts the saved
 * value back, so the screen never shows a value that is not the one in effect. Escape reverts.
 */
export function CommitField<T>({
  label,
  value,
  kind,
  schema,
  onCommit,
  testId,
  ...inputProps
}: {
  label: string;
  value: T;
  kind: 'text' | 'number';
  schema: z.ZodType<T>;
  onCommit(value: T): Promise<unknown>;
  testId?: string;
} & InputProps) {
  const shown = value === null || value === undefined ? '' : String(value);
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();

  const commit = async () => {
    if (draft === null || draft === shown) return setDraft(null);
    const read = readField(draft, kind, schema, label);
    setDraft(null);
    if (!read.ok) return setProblem(read.message);
    setProblem(null);
    try {
      await onCommit(read.value);
    } catch (err) {
      setProblem(errorMessage(err).message);
    }
  };

  return (
    <span className="commit-field">
      <input
        {...inputProps}
        type={kind === 'number' ? 'number' : 'text'}
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        data-testid={testId}
        value={draft ?? shown}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            setDraft(null);
            setProblem(null);
          }
        }}
      />
      {problem && (
        <span
          className="field-error"
          id={errorId}
          role="alert"
          data-testid={testId ? `${testId}-error` : undefined}
        >
          {problem}
        </span>
      )}
    </span>
  );
}
