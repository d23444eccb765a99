import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  describeIssue,
  fieldLabel,
  fieldProblems,
  installPlainErrors,
} from '../../../shared/api/plain-errors';

installPlainErrors();

const problems = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a refusal');
  return fieldProblems(result.error);
};

describe('plain validation messages', () => {
  it('names the field and says what is wrong without schema paths or zod wording', () => {
    const Item = z.object({
      title: z.string().trim().min(1).max(200),
      tags: z.array(z.string().max(50)),
      ownerTeamId: z.string(),
      effort: z.number().min(0).max(1000),
      kind: z.enum(['question', 'blocking']),
      contact: z.email(),
    });
    expect(
      problems(Item, {
        title: '   ',
        tags: ['ok', 'x'.repeat(51)],
        effort: 5000,
        kind: 'other',
        contact: 'nope',
      }),
    ).toEqual([
      { path: 'title', message: 'Title is required' },
      { path: 'tags.1', message: 'Tag 2 must be at most 50 characters' },
      { path: 'ownerTeamId', message: 'Owner team is required' },
      { path: 'effort', message: 'Effort must be at most 1000' },
      { path: 'kind', message: 'Kind must be one of question, blocking' },
      { path: 'contact', message: 'Contact must be an email address like jane@example.com' },
    ]);
  });

  it('keeps a schema’s own message, and words for numbers, lists and unknown fields', () => {
    const Survey = z
      .object({
        quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'Use the form 2025-Q3'),
        minGroupSize: z.number().int().min(3),
        questions: z.array(z.string()).min(1),
      })
      .strict();
    expect(problems(Survey, { quarter: 'Q3', minGroupSize: 2.5, questions: [], extra: 1 })).toEqual([
      { path: 'quarter', message: 'Quarter: Use the form 2025-Q3' },
      { path: 'minGroupSize', message: 'Min group size must be a whole number' },
      { path: 'questions', message: 'Questions needs at least one item' },
      { path: '', message: 'Has fields Pave does not know: extra' },
    ]);
  });

  it('labels record keys and nested paths readably', () => {
    expect(fieldLabel(['answers', 'q-nps'])).toBe('Answers: q-nps');
    expect(fieldLabel(['weights', 'demand'])).toBe('Demand');
    expect(fieldLabel(['teamIds', 0])).toBe('Team 1');
    expect(describeIssue({ path: [], message: 'nothing to import' })).toBe('Nothing to import');
  });
});
