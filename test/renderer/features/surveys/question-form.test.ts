import { describe, expect, it } from 'vitest';
import { installPlainErrors } from '../../../../shared/api/plain-errors';
import { Question } from '../../../../shared/features/surveys/api';
import { plainResolver } from '../../../../renderer/components/form-refusal';
import {
  emptyQuestion,
  QuestionDraft,
  toQuestion,
} from '../../../../renderer/features/surveys/question-form';

// The renderer installs the plain error words at start (renderer/main.tsx).
installPlainErrors();
const resolve = plainResolver(QuestionDraft, { prompt: 'Question', options: 'Options' });
const errorsOf = async (draft: QuestionDraft) => {
  const result = await resolve(draft, undefined, { fields: {}, shouldUseNativeValidation: false });
  return Object.fromEntries(Object.entries(result.errors).map(([field, error]) => [field, error?.message]));
};

describe("the draft editor's question form", () => {
  it('says what is wrong at the field, in words, before anything is sent', async () => {
    expect(await errorsOf({ ...emptyQuestion, prompt: '   ' })).toEqual({
      prompt: 'Question is required',
    });
    expect(await errorsOf({ type: 'single_choice', prompt: 'Which?', options: 'only one,  ' })).toEqual({
      options: 'Options must list at least two, separated by commas',
    });
    expect(
      await errorsOf({ type: 'multiple_choice', prompt: 'Which?', options: `a, ${'b'.repeat(201)}` }),
    ).toEqual({
      options: 'Options must each be at most 200 characters (option 2 is longer)',
    });
    // Options do not matter for a question without choices.
    expect(await errorsOf({ type: 'nps', prompt: 'Recommend us?', options: 'x' })).toEqual({});
  });

  it('turns a checked draft into a question the API accepts', () => {
    const choice = toQuestion(
      { type: 'single_choice', prompt: ' Which? ', options: 'Red, Green ,,Blue' },
      3,
      0,
    );
    expect(choice).toEqual({
      id: 'q3-0',
      type: 'single_choice',
      prompt: 'Which?',
      required: false,
      options: [
        { id: 'o1', label: 'Red' },
        { id: 'o2', label: 'Green' },
        { id: 'o3', label: 'Blue' },
      ],
    });
    const likert = toQuestion({ ...emptyQuestion, prompt: 'How easy?' }, 1, 36);
    expect(Question.parse(likert)).toMatchObject({
      id: 'q1-10',
      type: 'likert',
      capability: null,
      driver: null,
    });
  });
});
