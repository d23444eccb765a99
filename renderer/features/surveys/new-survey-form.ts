import { z } from 'zod';
import { DEFAULT_MIN_GROUP_SIZE } from '../../../shared/domain/anonymity';
import { Quarter, SurveyCreate } from '../../../shared/features/surveys/api';
import type { RefusalPlaces } from '../../components/form-refusal';

/**
 * The lead's "New survey" form: its fields as typed, checked with the pieces of the API's own
 * SurveyCreate schema before anything is sent (so "Quarter must look like 2025-Q3" is said under the
 * field, never as `surveys:create: quarter: …` after), and turned into the command's input.
 */
export const NewSurveyDraft = z
  .object({
    title: SurveyCreate.shape.title,
    template: z.enum(['quarterly', 'none']),
    // Empty = a one-off survey with no quarter; otherwise the API's own rule and words.
    quarter: z
      .string()
      .trim()
      .refine((value) => value === '' || Quarter.safeParse(value).success, 'must look like 2025-Q3'),
    opens: z.iso.date(),
    closes: z.iso.date(),
    minGroupSize: SurveyCreate.shape.minGroupSize.unwrap(),
    audienceTeamIds: SurveyCreate.shape.audienceTeamIds.unwrap(),
  })
  // Dates as YYYY-MM-DD compare as text; the closing day is included (it closes at its end).
  .refine((draft) => draft.closes >= draft.opens, {
    path: ['closes'],
    message: 'must be on or after the opening day',
  });
export type NewSurveyDraft = z.infer<typeof NewSurveyDraft>;
export type NewSurveyField = keyof NewSurveyDraft;

export const NEW_SURVEY_LABEL: Record<NewSurveyField, string> = {
  title: 'Title',
  template: 'Start from',
  quarter: 'Quarter',
  opens: 'Opens',
  closes: 'Closes',
  minGroupSize: 'Minimum group size',
  audienceTeamIds: 'Audience',
};

const DAY_MS = 86_400_000;
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/** A fresh form: the quarterly template, open today for two weeks, the default anonymity threshold. */
export function emptyNewSurvey(now: Date): NewSurveyDraft {
  return {
    title: '',
    template: 'quarterly',
    quarter: '',
    opens: dateOf(now),
    closes: dateOf(new Date(now.getTime() + 14 * DAY_MS)),
    minGroupSize: DEFAULT_MIN_GROUP_SIZE,
    audienceTeamIds: [],
  };
}

/** The `surveys:create` input a checked draft stands for (local days: opens at 00:00, closes at 23:59:59). */
export function toSurveyCreate(draft: NewSurveyDraft): SurveyCreate {
  return {
    title: draft.title,
    template: draft.template,
    quarter: draft.quarter === '' ? null : draft.quarter,
    opensAt: new Date(`${draft.opens}T00:00:00`).toISOString(),
    closesAt: new Date(`${draft.closes}T23:59:59`).toISOString(),
    minGroupSize: draft.minGroupSize,
    audienceTeamIds: draft.audienceTeamIds,
    // From scratch starts with an NPS question; more are added on the survey page.
    questions:
      draft.template === 'none'
        ? [
            {
              id: 'nps',
              type: 'nps',
              prompt: 'How likely are you to recommend the platform to a colleague?',
              required: true,
            },
          ]
        : [],
  };
}

// The command's field names → the form's (`audienceTeamIds.2` is the audience as a whole).
/** Every field of the form, for placing a refusal's reasons (form-refusal.ts). */
export const NEW_SURVEY_FIELDS = Object.keys(NEW_SURVEY_LABEL) as NewSurveyField[];

/** `surveys:create` names the dates `opensAt`/`closesAt`; the form calls them `opens`/`closes`. */
export const newSurveyRefusalPlaces: RefusalPlaces<NewSurveyField> = {
  paths: { opensAt: 'opens', closesAt: 'closes' },
};

/** "is required" → "Title is required"; a message that is already a sentence is kept whole. */
export const sayField = (field: NewSurveyField, message: string): string =>
  /^[a-z]/.test(message) ? `${NEW_SURVEY_LABEL[field]} ${message}` : message;
