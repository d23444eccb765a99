import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { showRefusal } from '../../components/form-refusal';
import { Button } from '../../components/ui/Button';
import { Checkbox } from '../../components/ui/Choice';
import { FormError, TextField } from '../../components/ui/Field';
import { SelectField } from '../../components/ui/SelectField';
import { toast } from '../../components/ui/toast-store';
import { useCommand } from '../../data/command';
import { teamsQuery } from '../../data/ipc-queries';
import { navigate } from '../../router/hash-location';
import { surveyKeys } from './data';
import {
  emptyNewSurvey,
  NEW_SURVEY_LABEL as LABEL,
  NewSurveyDraft,
  NEW_SURVEY_FIELDS,
  newSurveyRefusalPlaces,
  sayField,
  toSurveyCreate,
  type NewSurveyField,
} from './new-survey-form';
import { surveyRoutes } from './routes';

const TEMPLATES = [
  { value: 'quarterly', label: 'Quarterly platform survey (Likert per capability, NPS, DevEx, free text)' },
  { value: 'none', label: 'Scratch (one NPS question; add more on the draft)' },
] as const;

/**
 * A lead's new survey draft (issue 11, finding 8): every field checked with the API's schema before
 * sending, each problem under its field in plain words; a refusal keeps what was typed and places
 * its reasons the same way, so the lead fixes and sends again.
 */
export function NewSurveyForm({ onClose }: { onClose(): void }) {
  const run = useCommand({ thenInvalidate: surveyKeys.all });
  const teams = useQuery(teamsQuery());
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<NewSurveyDraft>({
    resolver: zodResolver(NewSurveyDraft),
    defaultValues: emptyNewSurvey(new Date()),
  });
  const problem = (field: NewSurveyField) => {
    const message = errors[field]?.message;
    return message ? sayField(field, message) : undefined;
  };

  const onValid = async (draft: NewSurveyDraft) => {
    setFailure(null);
    try {
      const { id } = await run('surveys:create', toSurveyCreate(draft));
      toast({ title: `Draft “${draft.title}” created`, description: 'Add questions, then publish it.' });
      navigate(surveyRoutes.survey.href({ id }));
    } catch (err) {
      setFailure(showRefusal(err, NEW_SURVEY_FIELDS, setError, newSurveyRefusalPlaces));
    }
  };

  return (
    <form
      className="survey-form survey-new-form"
      aria-labelledby="survey-new-heading"
      noValidate
      data-testid="survey-new-form"
      onSubmit={(event) => void handleSubmit(onValid)(event)}
    >
      <h2 id="survey-new-heading">New survey</h2>
      <TextField label={LABEL.title} error={problem('title')} autoFocus {...register('title')} />
      <Controller
        control={control}
        name="template"
        render={({ field }) => (
          <SelectField
            label={LABEL.template}
            options={TEMPLATES}
            value={field.value}
            onChange={(value) => field.onChange(value || 'quarterly')}
            onBlur={field.onBlur}
            name={field.name}
            data-testid="survey-new-template"
          />
        )}
      />
      <div className="survey-form-row">
        <TextField
          label={LABEL.quarter}
          hint="Like 2025-Q3; leave empty for a one-off survey."
          placeholder="2025-Q3"
          error={problem('quarter')}
          {...register('quarter')}
        />
        <TextField label={LABEL.opens} type="date" error={problem('opens')} {...register('opens')} />
        <TextField label={LABEL.closes} type="date" error={problem('closes')} {...register('closes')} />
        <TextField
          label={`${LABEL.minGroupSize} (k ≥ 3)`}
          hint="Teams with fewer respondents are never shown."
          type="number"
          min={3}
          error={problem('minGroupSize')}
          {...register('minGroupSize', { valueAsNumber: true })}
        />
      </div>
      <Controller
        control={control}
        name="audienceTeamIds"
        render={({ field }) => (
          <fieldset className="ui-fieldset survey-audience">
            <legend>{LABEL.audienceTeamIds} (none chosen = all engineers)</legend>
            <div className="survey-audience-teams">
              {(teams.data ?? []).map((team) => (
                <Checkbox
                  key={team.id}
                  label={team.name}
                  checked={field.value.includes(team.id)}
                  onChange={(checked) =>
                    field.onChange(
                      checked ? [...field.value, team.id] : field.value.filter((id) => id !== team.id),
                    )
                  }
                />
              ))}
            </div>
            {problem('audienceTeamIds') && (
              <span className="ui-field-error" role="alert">
                {problem('audienceTeamIds')}
              </span>
            )}
          </fieldset>
        )}
      />
      <FormError>{failure}</FormError>
      <div className="survey-actions">
        <Button type="submit" variant="primary" disabled={isSubmitting} data-testid="survey-create">
          {isSubmitting ? 'Creating…' : 'Create draft'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
