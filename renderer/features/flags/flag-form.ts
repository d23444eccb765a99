import type { EnvironmentName } from '../../../shared/features/catalog/api';
import { FlagKey, RolloutPercent, type Flag } from '../../../shared/features/flags/api';

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
  if (!/^\d{1,3}$/.test(trimmed)) return { ok: false, message: 'Enter a whole number from 0 to 100.' };
  const parsed = RolloutPercent.safeParse(Number(trimmed));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: parsed.error.issues[0]?.message ?? 'Enter a whole number from 0 to 100.' };
}
