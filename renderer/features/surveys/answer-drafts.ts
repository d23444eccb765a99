import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { SurveyAnswers } from '../../../shared/features/surveys/api';

interface DraftState {
  drafts: Readonly<Record<string, SurveyAnswers>>;
  set(surveyId: string, answers: SurveyAnswers): void;
  clear(surveyId: string): void;
}

/**
 * Answers being written, per survey, kept on this computer until the platform has the answer:
 * a refusal, a reload or a crash loses nothing, and the engineer fixes and resends. Cleared once
 * the answer is recorded (the platform's receipt), so nothing lingers after.
 */
export const useAnswerDrafts = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      set: (surveyId, answers) => set((state) => ({ drafts: { ...state.drafts, [surveyId]: answers } })),
      clear: (surveyId) =>
        set((state) => {
          if (!(surveyId in state.drafts)) return state;
          const { [surveyId]: _dropped, ...rest } = state.drafts;
          return { drafts: rest };
        }),
    }),
    { name: 'pave.survey-drafts' },
  ),
);
