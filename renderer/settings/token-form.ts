import { z } from 'zod';
import { ipcCommands } from '../../shared/contract';

const CreateInput = ipcCommands['tokens:create'].input;

/** The expiries offered, in days; null = never expires. */
export const EXPIRY_CHOICES = [7, 30, 90, 365, null] as const;
const expiryValues = EXPIRY_CHOICES.map((days) => (days === null ? 'never' : String(days)));
export const EXPIRY_OPTIONS = EXPIRY_CHOICES.map((days) => ({
  value: days === null ? 'never' : String(days),
  label: days === null ? 'Never' : `${days} days`,
}));

/** The token form as typed: the name with the API's own rule, and one of the offered expiries. */
export const TokenDraft = z.object({
  name: CreateInput.shape.name,
  expiry: z.string().refine((value) => expiryValues.includes(value), 'must be one of the offered expiries'),
});
export type TokenDraft = z.infer<typeof TokenDraft>;

/** The `tokens:create` input a checked draft stands for. */
export const tokenCreateOf = (draft: TokenDraft): z.infer<typeof CreateInput> => ({
  name: draft.name.trim(),
  expiresInDays: draft.expiry === 'never' ? null : Number(draft.expiry),
});

/** A refused `tokens:create` reason's field, or null for the form-level message. */
export const tokenFieldOf = (path: string): keyof TokenDraft | null =>
  path === 'name' ? 'name' : path === 'expiresInDays' ? 'expiry' : null;
