import type { FieldError, FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { describeIssue, fieldLabel } from '../../shared/api/plain-errors';
import { errorMessage, IpcError } from '../data/ipc-error';

/**
 * A refused call split for a form (docs/architecture.md, "Rules"): each reason the backend gave
 * for one of the form's own fields goes next to that field; what is left (or a refusal about the
 * whole request, such as "offline") is returned for the form-level message. The draft is never
 * touched here: the form keeps it so the person can fix it and send again.
 *
 * `prefix` strips the argument around the form's values (`services:update` sends `{ id, patch }`,
 * so its paths read `patch.title`); a list item's path (`tags.2`) lands on the list's field.
 * `byCode` places a refusal that names no field but is about one (`flag_exists` → the key);
 * `paths` names the form field of a request field that is called differently in the form.
 */
export function refusalByField<F extends string>(
  err: unknown,
  formFields: readonly F[],
  { prefix = '', byCode = {}, paths = {} }: RefusalPlaces<F> = {},
): { fields: { name: F; message: string }[]; message: string | null } {
  const all = err instanceof IpcError ? err.fields : [];
  const fields: { name: F; message: string }[] = [];
  if (err instanceof IpcError && all.length === 0) {
    const coded = byCode[err.code];
    if (coded) return { fields: [{ name: coded, message: sentence(err.message) }], message: null };
  }
  let unplaced = all.length === 0;
  for (const problem of all) {
    const path = prefix && problem.path.startsWith(prefix) ? problem.path.slice(prefix.length) : problem.path;
    const name =
      paths[path.split('.')[0] ?? ''] ??
      formFields.find((field) => path === field || path.startsWith(`${field}.`));
    if (!name) unplaced = true;
    // One message per field: the first reason is the one to fix first.
    else if (!fields.some((f) => f.name === name)) fields.push({ name, message: problem.message });
  }
  return { fields, message: unplaced ? errorMessage(err).message : null };
}

export interface RefusalPlaces<F extends string> {
  prefix?: string;
  byCode?: Partial<Record<string, F>>;
  /** A request field the form calls by another name (`opensAt` → the form's `opens`). */
  paths?: Partial<Record<string, F>>;
}

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** Applies `refusalByField` to a react-hook-form form; returns the form-level message or null. */
export function showRefusal<T extends FieldValues>(
  err: unknown,
  formFields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  places: RefusalPlaces<Path<T>> = {},
): string | null {
  const refusal = refusalByField(err, formFields, places);
  for (const field of refusal.fields) setError(field.name, { type: 'server', message: field.message });
  return refusal.message;
}

/**
 * A client-side zod issue as the field shows it: "Title is required", "Tag 3 must be at most 50
 * characters"; the path is named in words, never shown raw.
 */
export const issueMessage = (issue: { path: readonly PropertyKey[]; message: string }): string =>
  describeIssue(issue);

/**
 * A react-hook-form resolver from a shared zod schema whose messages read as sentences: each
 * problem lands on the top-level field it belongs to, named in words ("Seconds must be at least
 * 1"); `labels` names a field the way its label does when the key alone would read oddly.
 */
// zod's plain messages are predicates ("must be at most 50 characters") that need the field's
// name in front; a schema's own advice ("use UPPER_SNAKE_CASE, …") reads on its own.
const PREDICATE = /^(is|must|needs|can|has|contains) /;

export function plainResolver<In extends FieldValues, Out>(
  schema: z.ZodType<Out, In>,
  labels: Partial<Record<Path<In>, string>> = {},
): Resolver<In, unknown, Out> {
  return (values) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (errors[field]) continue;
      const message = PREDICATE.test(issue.message)
        ? `${labels[field as Path<In>] ?? fieldLabel(issue.path)} ${issue.message}`
        : sentence(issue.message);
      errors[field] = { type: issue.code, message };
    }
    return { values: {}, errors: errors as FieldErrors<In> };
  };
}
