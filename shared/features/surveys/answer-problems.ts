import type { Question, SurveyAnswers } from './api';

/** One question's problem with an answer, in plain words (shown next to the question). */
export interface AnswerProblem {
  questionId: string | null;
  message: string;
}

/** No answer given: missing, blank text or an empty choice (the platform stores nothing for it). */
export const isBlankAnswer = (value: SurveyAnswers[string] | undefined): boolean =>
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * What is wrong with `answers` for these questions — the one rule the app checks before sending,
 * the desktop before queuing and the platform before storing, so a refusal never surprises.
 */
export function answerProblems(questions: readonly Question[], answers: SurveyAnswers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id))
      problems.push({ questionId: null, message: `There is no question “${id}” in this survey.` });
  }
  for (const q of questions) {
    const value = answers[q.id];
    const problem = (message: string) => problems.push({ questionId: q.id, message });
    if (isBlankAnswer(value)) {
      if (q.required) problem(`“${q.prompt}” needs an answer.`);
      continue;
    }
    switch (q.type) {
      case 'nps':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10)
          problem(`Choose a score from 0 to 10 for “${q.prompt}”.`);
        break;
      case 'likert':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5)
          problem(`Choose 1 to 5 for “${q.prompt}”.`);
        break;
      case 'single_choice':
        if (typeof value !== 'string' || !q.options.some((o) => o.id === value))
          problem(`Choose one of the options for “${q.prompt}”.`);
        break;
      case 'multiple_choice': {
        const ids = Array.isArray(value) ? value : null;
        if (
          !ids ||
          new Set(ids).size !== ids.length ||
          !ids.every((id) => q.options.some((o) => o.id === id))
        )
          problem(`Choose among the options for “${q.prompt}”, each once.`);
        break;
      }
      case 'free_text':
        if (typeof value !== 'string') problem(`Write text for “${q.prompt}”.`);
        else if (value.length > 4000) problem(`Keep “${q.prompt}” under 4,000 characters.`);
        break;
    }
  }
  return problems;
}
