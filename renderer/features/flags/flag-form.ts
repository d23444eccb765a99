import type { FieldErrors, Resolver } from 'react-hook-form';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import { FlagDescription, FlagKey, RolloutPercent, type Flag } from '../../../shared/features/flags/api';

/**
 * The flag form's checks, before anything is queued: the key's shape (the API's own schema) and a
 * key this service already has in that environment (the platform would refuse it with 409
 * flag_exists; caught here so the user sees it while typing, offline too).
 */
export function keyProblem(
  key: string,
  environment: EnvironmentName,
  flags: readonly Pick<Flag, 'key' | 'environment'>[],
): string | null {
  if (!key) return 'Enter a key, like new-checkout.';
  const parsed = FlagKey.safeParse(key);
  // The schema's message is a predicate ("must start with …"): the field's name goes in front.
  if (!parsed.success) return `The key ${parsed.error.issues[0]?.message ?? 'is not valid'}.`;
  if (flags.some((flag) => flag.key === key && flag.environment === environment)) {
    return `A flag "${key}" already exists in ${environment}.`;
  }
  return null;
}

/** A rollout typed as text: a whole number from 0 to 100 (a trailing % is fine). */
export function parseRollout(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/\s*%$/, '');
  // One sentence for every way it can be wrong: it says what to type, not which rule failed.
  const refused = { ok: false, message: 'Enter a whole number from 0 to 100.' } as const;
  if (!/^\d{1,3}$/.test(trimmed)) return refused;
  const parsed = RolloutPercent.safeParse(Number(trimmed));
  return parsed.success ? { ok: true, value: parsed.data } : refused;
}

/** What the new-flag form holds while it is being typed. */
export interface FlagDraft {
  environment: EnvironmentName;
  key: string;
  description: string;
  rollout: string;
}
export type FlagChecked = Omit<FlagDraft, 'rollout'> & { rolloutPercent: number };

/**
 * The form's resolver: the key (shape and a duplicate in that environment), the description (the
 * API's FlagDescription) and the rollout, each problem next to its field in plain words.
 */
export function flagFormResolver(
  flags: readonly Pick<Flag, 'key' | 'environment'>[],
): Resolver<FlagDraft, unknown, FlagChecked> {
  return (draft) => {
    const errors: FieldErrors<FlagDraft> = {};
    const key = keyProblem(draft.key, draft.environment, flags);
    if (key) errors.key = { type: 'key', message: key };
    const description = FlagDescription.safeParse(draft.description);
    if (!description.success) {
      errors.description = {
        type: 'description',
        message: `The description ${description.error.issues[0]?.message ?? 'is not valid'}.`,
      };
    }
    const rollout = parseRollout(draft.rollout);
    if (!rollout.ok) errors.rollout = { type: 'rollout', message: rollout.message };
    if (key || !description.success || !rollout.ok) return { values: {} as Record<string, never>, errors };
    return {
      values: {
        environment: draft.environment,
        key: draft.key,
        description: description.data,
        rolloutPercent: rollout.value,
      },
      errors: {},
    };
  };
}
