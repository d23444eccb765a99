import { describe, expect, it } from 'vitest';
import type { SurveyResults } from '../../../../shared/features/surveys/api';
import { resultsToCsv } from '../../../../renderer/features/surveys/results-csv';

const results: SurveyResults = {
  surveyId: 's1',
  computedAt: '2025-07-01T00:00:00.000Z',
  minGroupSize: 5,
  respondents: 6,
  audience: 10,
  suppressed: false,
  release: 'released',
  overall: {
    respondents: 6,
    questions: [
      {
        questionId: 'nps',
        type: 'nps',
        prompt: 'Recommend, "honestly"?',
        answered: 6,
        nps: {
          promoters: 3,
          passives: 2,
          detractors: 1,
          n: 6,
          nps: 33.3333,
          low: -10,
          high: 70,
          method: 'adjusted-wald',
        },
      },
      {
        questionId: 'c',
        type: 'free_text',
        prompt: 'Why',
        answered: 1,
        comments: ['=HYPERLINK("x"), line\nbreak'],
      },
    ],
    devex: [{ driver: 'flow', n: 6, score: 62.5, favorable: 0.5 }],
  },
  teams: [
    {
      teamId: 't1',
      teamName: 'Small',
      audience: 4,
      respondents: 4,
      responseRate: 1,
      visible: false,
      hiddenReason: 'too_few_respondents',
      result: null,
    },
  ],
  trend: [],
};

describe('results CSV', () => {
  it('writes aggregates with RFC 4180 quoting, defuses formulas, and marks hidden teams', () => {
    const csv = resultsToCsv(results);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('group,question,prompt,measure,value');
    expect(lines).toContain('All respondents,nps,"Recommend, ""honestly""?",nps,33.3333');
    expect(lines).toContain('All respondents,nps,"Recommend, ""honestly""?",nps_low_95,-10');
    expect(csv).toContain(`All respondents,c,Why,comment,"'=HYPERLINK(""x""), line\nbreak"`);
    expect(lines).toContain('All respondents,devex_flow,,score,62.5');
    expect(lines).toContain('Small,,,hidden,too_few_respondents');
    expect(csv).not.toContain('Small,nps');
  });
});
