import { errorMessage, IpcError } from '../../data/ipc-error';

/**
 * A refused `support:*` call split for a form: the reasons it can put next to its own fields, and
 * what is left for the form-level message (null when every reason found its field). The draft is
 * never touched here: the form keeps it so the person can fix and resend.
 */
export function splitRefusal<F extends string>(
  err: unknown,
  formFields: readonly F[],
): { fields: { path: F; message: string }[]; message: string | null } {
  const all = err instanceof IpcError ? err.fields : [];
  const fields = all.filter((f): f is { path: F; message: string } =>
    (formFields as readonly string[]).includes(f.path),
  );
  const unplaced = fields.length === 0 || fields.length < all.length;
  return { fields, message: unplaced ? errorMessage(err).message : null };
}

/** "is required" → "Title is required"; a schema's own sentence ("Use…") is shown as it is. */
export const fieldMessage = (label: string, message: string): string =>
  /^[a-z]/.test(message) ? `${label} ${message}` : message;
