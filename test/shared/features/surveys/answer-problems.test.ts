import { describe, expect, it } from 'vitest';
import { Question } from '../../../../shared/features/surveys/api';
import { answerProblems } from '../../../../shared/features/surveys/answer-problems';

const questions = [
  { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend the platform?', required: true },
  { id: 'ease', type: 'likert', prompt: 'Deploying is easy' },
  {
    id: 'pick',
    type: 'single_choice',
    prompt: 'Favourite capability',
    options: [
      { id: 'deploy', label: 'Deploy' },
      { id: 'db', label: 'Databases' },
    ],
  },
  {
    id: 'many',
    type: 'multiple_choice',
    prompt: 'What do you use?',
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
  },
  { id: 'why', type: 'free_text', prompt: 'Why?', required: true },
].map((q) => Question.parse(q));

describe('answerProblems', () => {
  it('accepts a complete, well-formed answer and blank optional questions', () => {
    expect(answerProblems(questions, { nps: 9, why: 'fast deploys' })).toEqual([]);
    expect(answerProblems(questions, { nps: 0, ease: 5, pick: 'db', many: ['a', 'b'], why: 'x' })).toEqual(
      [],
    );
  });

  it('names each question that needs an answer or got the wrong kind of one', () => {
    expect(
      answerProblems(questions, { why: '   ', ease: 6, pick: 'nope', many: ['a', 'a'], extra: 1 }),
    ).toEqual([
      { questionId: null, message: 'There is no question “extra” in this survey.' },
      { questionId: 'nps', message: '“How likely are you to recommend the platform?” needs an answer.' },
      { questionId: 'ease', message: 'Choose 1 to 5 for “Deploying is easy”.' },
      { questionId: 'pick', message: 'Choose one of the options for “Favourite capability”.' },
      { questionId: 'many', message: 'Choose among the options for “What do you use?”, each once.' },
      { questionId: 'why', message: '“Why?” needs an answer.' },
    ]);
    expect(answerProblems(questions, { nps: 10.5, why: 'x' })).toEqual([
      {
        questionId: 'nps',
        message: 'Choose a score from 0 to 10 for “How likely are you to recommend the platform?”.',
      },
    ]);
  });
});
