import { z } from 'zod';
import { ChoiceOption, Prompt, Question } from '../../../shared/features/surveys/api';

/**
 * The draft editor's "add a question" form: its fields as typed, checked with the pieces of the
 * API's own Question schema before anything is sent, and turned into the question the survey's
 * `surveys:update` carries. Options are typed comma-separated, as a lead would list them.
 */
export const QuestionDraft = z
  .object({
    type: z.enum(['nps', 'likert', 'single_choice', 'multiple_choice', 'free_text']),
    prompt: Prompt,
    options: z.string(),
  })
  .superRefine((draft, ctx) => {
    if (!isChoice(draft.type)) return;
    const labels = optionLabels(draft.options);
    if (labels.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'must list at least two, separated by commas',
      });
    else if (labels.length > 20)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'must be at most 20' });
    const tooLong = labels.findIndex((label) => !ChoiceOption.shape.label.safeParse(label).success);
    if (tooLong !== -1) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `must each be at most 200 characters (option ${tooLong + 1} is longer)`,
      });
    }
  });
export type QuestionDraft = z.infer<typeof QuestionDraft>;

export const emptyQuestion: QuestionDraft = { type: 'likert', prompt: '', options: '' };

const isChoice = (type: QuestionDraft['type']) => type === 'single_choice' || type === 'multiple_choice';

const optionLabels = (typed: string): string[] =>
  typed
    .split(',')
    .map((label) => label.trim())
    .filter(Boolean);

/** The question a checked draft stands for; its id is unique within the survey (position and time). */
export function toQuestion(draft: QuestionDraft, position: number, now = Date.now()): Question {
  const id = `q${position}-${now.toString(36)}`;
  const base = { id, prompt: draft.prompt, required: false };
  if (isChoice(draft.type)) {
    const options = optionLabels(draft.options).map((label, i) => ({ id: `o${i + 1}`, label }));
    return Question.parse({ ...base, type: draft.type, options });
  }
  if (draft.type === 'likert')
    return Question.parse({ ...base, type: 'likert', capability: null, driver: null });
  return Question.parse({ ...base, type: draft.type });
}
