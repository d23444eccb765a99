import { describe, expect, it } from 'vitest';
import { fieldProblems, installPlainErrors } from '../../../../shared/api/plain-errors';
import { SurveyCreate } from '../../../../shared/features/surveys/api';
import { refusalByField } from '../../../../renderer/components/form-refusal';
import { IpcError } from '../../../../renderer/data/ipc-error';
import {
  emptyNewSurvey,
  NewSurveyDraft,
  NEW_SURVEY_FIELDS,
  newSurveyRefusalPlaces,
  sayField,
  toSurveyCreate,
  type NewSurveyField,
} from '../../../../renderer/features/surveys/new-survey-form';

installPlainErrors();

const place = (err: unknown) => refusalByField(err, NEW_SURVEY_FIELDS, newSurveyRefusalPlaces);

const now = new Date('2026-11-30T12:00:00Z');
const draft = (patch: Partial<NewSurveyDraft> = {}): NewSurveyDraft => ({
  ...emptyNewSurvey(now),
  title: 'Platform survey',
  ...patch,
});

/** The form's problems as the lead reads them, by field. */
function problems(input: NewSurveyDraft): Partial<Record<NewSurveyField, string>> {
  const parsed = NewSurveyDraft.safeParse(input);
  if (parsed.success) return {};
  const byField: Partial<Record<NewSurveyField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as NewSurveyField;
    byField[field] ??= sayField(field, issue.message);
  }
  return byField;
}

describe('the new survey form', () => {
  it('says what is wrong with each field in plain words, before anything is sent', () => {
    expect(problems(draft({ quarter: 'autumn 2026', minGroupSize: 2, title: ' ' }))).toEqual({
      title: 'Title is required',
      quarter: 'Quarter must look like 2025-Q3',
      minGroupSize: 'Minimum group size must be at least 3',
    });
    expect(problems(draft({ opens: '2026-12-10', closes: '2026-12-01' }))).toEqual({
      closes: 'Closes must be on or after the opening day',
    });
    expect(problems(draft({ minGroupSize: Number.NaN }))).toEqual({
      minGroupSize: 'Minimum group size must be a number',
    });
  });

  it('accepts an empty quarter (a one-off survey) and a one-day window', () => {
    expect(problems(draft({ quarter: '', opens: '2026-12-01', closes: '2026-12-01' }))).toEqual({});
    expect(problems(draft({ quarter: '2026-Q4' }))).toEqual({});
  });

  it('becomes an input the API schema accepts: no quarter is null, scratch gets an NPS question', () => {
    const quarterly = toSurveyCreate(draft());
    expect(quarterly.quarter).toBeNull();
    expect(quarterly.questions).toEqual([]);
    expect(SurveyCreate.safeParse(quarterly).success).toBe(true);
    const scratch = toSurveyCreate(draft({ template: 'none', quarter: '2026-Q4' }));
    expect(scratch.quarter).toBe('2026-Q4');
    expect(scratch.questions?.map((q) => q.type)).toEqual(['nps']);
    expect(SurveyCreate.safeParse(scratch).success).toBe(true);
    expect(Date.parse(scratch.closesAt)).toBeGreaterThan(Date.parse(scratch.opensAt));
  });

  it('places the backend refusal of its own schema next to the form fields, never as a raw path', () => {
    // What the desktop backend answers for input its IPC schema refuses (electron/backend/ipc/dispatch.ts).
    const refused = SurveyCreate.safeParse({
      ...toSurveyCreate(draft()),
      quarter: 'autumn',
      minGroupSize: 1,
      audienceTeamIds: ['ok', ''],
    });
    expect(refused.success).toBe(false);
    const err = new IpcError({
      code: 'invalid_input',
      message: 'refused',
      fields: fieldProblems(refused.error!),
    });
    const placed = place(err);
    expect(placed.message).toBeNull();
    expect(Object.fromEntries(placed.fields.map((f) => [f.name, f.message]))).toEqual({
      quarter: 'Quarter must look like 2025-Q3',
      minGroupSize: 'Min group size must be at least 3',
      audienceTeamIds: 'Audience team 2 is required',
    });
  });

  it('leaves a refusal about the whole request (offline, a rule with no field) for the form message', () => {
    expect(place(new IpcError({ code: 'offline', message: 'no platform' }))).toEqual({
      fields: [],
      message: expect.any(String),
    });
    const mixed = place(
      new IpcError({
        code: 'invalid_input',
        message: 'x',
        fields: [
          { path: 'title', message: 'Title is required' },
          { path: '', message: 'A survey from scratch needs at least one question' },
        ],
      }),
    );
    expect(mixed).toEqual({
      fields: [{ name: 'title', message: 'Title is required' }],
      message: expect.any(String),
    });
  });

  it("places the request's dates on the form's date fields", () => {
    const placed = place(
      new IpcError({
        code: 'invalid_input',
        message: 'x',
        fields: [{ path: 'closesAt', message: 'must be after the opening' }],
      }),
    );
    expect(placed).toEqual({
      fields: [{ name: 'closes', message: 'must be after the opening' }],
      message: null,
    });
  });
});
