import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { plainResolver } from '../../components/form-refusal';
import { emptyQuestion, QuestionDraft, toQuestion } from './question-form';
import type { Question, SurveyAnswers } from '../../../shared/features/surveys/api';
import { answerProblems } from '../../../shared/features/surveys/answer-problems';
import type { SurveyItem } from '../../../shared/features/surveys/ipc';
import { errorMessage, IpcError } from '../../data/ipc-error';
import { useAnswerDrafts } from './answer-drafts';
import { surveyRoutes } from './routes';
import { settingsQuery } from '../../data/ipc-queries';
import { SurveyResultsView } from './SurveyResultsView';
import { useCommand } from '../../data/command';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { Checkbox, RadioCards } from '../../components/ui/Choice';
import { FormError, TextArea, TextField } from '../../components/ui/Field';
import { SelectField } from '../../components/ui/SelectField';
import { EmptyState } from '../../components/ui/States';
import { surveyKeys, surveyQuery } from './data';
import { phaseBadge } from './survey-states';
import './Surveys.css';

const QUESTION_TYPES = [
  { value: 'nps', label: 'NPS 0–10' },
  { value: 'likert', label: 'Likert 1–5' },
  { value: 'single_choice', label: 'Single choice' },
  { value: 'multiple_choice', label: 'Multiple choice' },
  { value: 'free_text', label: 'Free text' },
] as const satisfies readonly { value: Question['type']; label: string }[];

export function SurveyPage({ id }: { id: string }) {
  const settings = useQuery(settingsQuery());
  const item = useQuery(surveyQuery(id));
  const role = settings.data?.user?.role;
  const lead = role === 'lead' || role === 'admin';

  if (item.isPending) return <p className="surveys-page surveys-hint">Loading the survey…</p>;
  if (!item.data) {
    return (
      <div className="surveys-page">
        <EmptyState
          title="This survey is not on this computer"
          action={<a href={surveyRoutes.surveys.href()}>All surveys</a>}
        >
          It may have been deleted, or not synced yet.
        </EmptyState>
      </div>
    );
  }
  const s = item.data;
  return (
    <div className="surveys-page" data-testid="survey-page" data-phase={s.phase} data-my-answer={s.myAnswer}>
      <a href={surveyRoutes.surveys.href()}>← Surveys</a>
      <h1>
        {s.survey.title} <Badge tone={phaseBadge[s.phase].tone}>{phaseBadge[s.phase].label}</Badge>
      </h1>
      <p className="surveys-hint">
        {s.phase === 'draft'
          ? 'Not published yet'
          : `Open ${new Date(s.survey.opensAt).toLocaleString()} – ${new Date(s.survey.closesAt).toLocaleString()}`}
        {' · '}anonymous · teams shown from {s.survey.minGroupSize} respondents
      </p>
      {s.pendingEdits > 0 && (
        <p className="surveys-hint" role="status">
          {s.pendingEdits} change(s) will sync when the platform is reachable.
        </p>
      )}
      {s.phase === 'draft' && lead && <DraftEditor item={s} />}
      {s.phase !== 'draft' && <AnswerSection item={s} />}
      {lead && s.phase !== 'draft' && <SurveyResultsView id={s.survey.id} closesAt={s.survey.closesAt} />}
    </div>
  );
}

function DraftEditor({ item }: { item: SurveyItem }) {
  const run = useCommand({ thenInvalidate: surveyKeys.all });
  const [error, setError] = useState<string | null>(null);
  const questions = item.survey.questions;
  const form = useForm<QuestionDraft>({
    resolver: plainResolver(QuestionDraft, { prompt: 'Question', options: 'Options' }),
    defaultValues: emptyQuestion,
  });
  const type = useWatch({ control: form.control, name: 'type' });
  const withOptions = type === 'single_choice' || type === 'multiple_choice';

  async function act(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err).message);
    }
  }

  // The draft stays in the form until the survey holds the question; a refusal is said under it.
  const addQuestion = form.handleSubmit(async (draft) => {
    setError(null);
    const question = toQuestion(draft, questions.length + 1);
    try {
      await run('surveys:update', { id: item.survey.id, patch: { questions: [...questions, question] } });
      form.reset({ ...emptyQuestion, type: draft.type });
    } catch (err) {
      setError(errorMessage(err).message);
    }
  });

  return (
    <section className="survey-section" aria-labelledby="survey-questions-title">
      <h2 id="survey-questions-title">Questions</h2>
      {questions.length === 0 ? (
        <p className="surveys-hint">No questions yet: add the first below.</p>
      ) : (
        <ol className="survey-questions">
          {questions.map((q) => (
            <li key={q.id}>
              <Badge>{QUESTION_TYPES.find((t) => t.value === q.type)?.label ?? q.type}</Badge> {q.prompt}
            </li>
          ))}
        </ol>
      )}
      <form className="survey-inline" onSubmit={(e) => void addQuestion(e)} noValidate>
        <Controller
          control={form.control}
          name="type"
          render={({ field }) => (
            <SelectField
              label="Type"
              options={QUESTION_TYPES}
              value={field.value}
              onChange={(value) => field.onChange(value || 'likert')}
              data-testid="survey-question-type"
            />
          )}
        />
        <TextField
          label="Question"
          {...form.register('prompt')}
          error={form.formState.errors.prompt?.message}
          data-testid="survey-question-prompt"
        />
        {withOptions && (
          <TextField
            label="Options"
            hint="Comma-separated"
            {...form.register('options')}
            error={form.formState.errors.options?.message}
            data-testid="survey-question-options"
          />
        )}
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Add question
        </Button>
      </form>
      <FormError>{error}</FormError>
      <div className="survey-actions">
        <Button
          variant="primary"
          data-testid="survey-publish"
          onClick={() => void act(() => run('surveys:publish', { id: item.survey.id }))}
        >
          Publish
        </Button>
      </div>
    </section>
  );
}

function AnswerSection({ item }: { item: SurveyItem }) {
  const clearDraft = useAnswerDrafts((state) => state.clear);
  const recorded = item.myAnswer === 'answered';
  useEffect(() => {
    if (recorded) clearDraft(item.survey.id);
  }, [recorded, clearDraft, item.survey.id]);
  if (recorded)
    return (
      <p className="survey-done" data-testid="survey-answered">
        <Badge tone="ok">Answered</Badge> Thanks — your answer was recorded.
      </p>
    );
  if (item.myAnswer === 'queued') {
    return (
      <p className="survey-done" data-testid="survey-queued">
        <Badge tone="accent">Queued</Badge> Your answer is saved on this computer and will be sent when the
        platform is reachable.
      </p>
    );
  }
  // A refused answer brings the form back with the draft as it was: fix and send again.
  const canAnswer = item.myAnswer === 'none' || item.myAnswer === 'rejected';
  return (
    <>
      {item.rejection && (
        <p className="ui-form-error" role="alert" data-testid="survey-rejection">
          Your answer was not recorded: {item.rejection.message} Your answers are still below — fix them and
          send again.
        </p>
      )}
      {item.phase === 'open' && canAnswer && <AnswerForm item={item} />}
      {item.phase === 'closed' && canAnswer && <p className="surveys-hint">This survey is closed.</p>}
    </>
  );
}

const NO_ANSWERS: SurveyAnswers = {};
const NPS_SCALE = Array.from({ length: 11 }, (_, v) => ({ value: String(v), label: String(v) }));
const LIKERT_SCALE = [
  { value: '1', label: '1', description: 'Strongly disagree' },
  { value: '2', label: '2', description: 'Disagree' },
  { value: '3', label: '3', description: 'Neutral' },
  { value: '4', label: '4', description: 'Agree' },
  { value: '5', label: '5', description: 'Strongly agree' },
];

function AnswerForm({ item }: { item: SurveyItem }) {
  const run = useCommand({ thenInvalidate: surveyKeys.all });
  const surveyId = item.survey.id;
  const answers = useAnswerDrafts((state) => state.drafts[surveyId] ?? NO_ANSWERS);
  const saveDraft = useAnswerDrafts((state) => state.set);
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const set = (id: string, value: SurveyAnswers[string]) => {
    saveDraft(surveyId, { ...answers, [id]: value });
    // A fixed question stops saying what was wrong with it.
    setProblems(({ [id]: _fixed, ...rest }) => rest);
  };

  const showProblems = (list: { questionId: string | null; message: string }[]) => {
    const byQuestion: Record<string, string> = {};
    for (const problem of list) if (problem.questionId) byQuestion[problem.questionId] ??= problem.message;
    setProblems(byQuestion);
    const first = item.survey.questions.find((q) => byQuestion[q.id]);
    if (first)
      document
        .querySelector<HTMLElement>(
          `[data-question="${first.id}"] :is(input, textarea, button[role="radio"], button[role="checkbox"])`,
        )
        ?.focus();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const found = answerProblems(item.survey.questions, answers);
    if (found.length > 0) return showProblems(found);
    setSending(true);
    try {
      await run('surveys:answer', { surveyId, answers });
    } catch (err) {
      const fields = err instanceof IpcError ? err.fields : [];
      if (fields.length > 0) {
        showProblems(
          fields.map((field) => ({
            questionId: field.path.replace(/^answers\./, '') || null,
            message: field.message,
          })),
        );
      }
      setError(errorMessage(err).message);
    } finally {
      setSending(false);
    }
  }

  const problemCount = Object.keys(problems).length;
  const legend = (q: Question) => (
    <>
      {q.prompt}
      {q.required ? <span aria-label="required"> *</span> : ''}
    </>
  );
  return (
    <form
      className="survey-form survey-answer"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="survey-answer-form"
    >
      {item.survey.questions.map((q) => (
        <div
          key={q.id}
          className="survey-question"
          data-question={q.id}
          data-invalid={problems[q.id] ? 'true' : undefined}
          aria-describedby={problems[q.id] ? `problem-${q.id}` : undefined}
        >
          {(q.type === 'nps' || q.type === 'likert') && (
            <RadioCards
              legend={legend(q)}
              options={q.type === 'nps' ? NPS_SCALE : LIKERT_SCALE}
              value={typeof answers[q.id] === 'number' ? String(answers[q.id]) : null}
              onChange={(value) => set(q.id, Number(value))}
            />
          )}
          {q.type === 'single_choice' && (
            <RadioCards
              legend={legend(q)}
              options={q.options.map((o) => ({ value: o.id, label: o.label }))}
              value={typeof answers[q.id] === 'string' ? (answers[q.id] as string) : null}
              onChange={(value) => set(q.id, value)}
            />
          )}
          {q.type === 'multiple_choice' && (
            <fieldset className="ui-fieldset">
              <legend>{legend(q)}</legend>
              <div className="survey-choices">
                {q.options.map((o) => {
                  const current = Array.isArray(answers[q.id]) ? (answers[q.id] as string[]) : [];
                  return (
                    <Checkbox
                      key={o.id}
                      label={o.label}
                      checked={current.includes(o.id)}
                      onChange={(checked) =>
                        set(q.id, checked ? [...current, o.id] : current.filter((x) => x !== o.id))
                      }
                    />
                  );
                })}
              </div>
            </fieldset>
          )}
          {q.type === 'free_text' && (
            <TextArea
              label={q.required ? `${q.prompt} *` : q.prompt}
              maxLength={4000}
              rows={3}
              value={typeof answers[q.id] === 'string' ? (answers[q.id] as string) : ''}
              onChange={(e) => set(q.id, e.target.value)}
            />
          )}
          {problems[q.id] && (
            <p className="ui-field-error" id={`problem-${q.id}`} data-testid="survey-question-problem">
              {problems[q.id]}
            </p>
          )}
        </div>
      ))}
      {problemCount > 0 && (
        <p className="ui-form-error" role="alert" data-testid="survey-answer-problems">
          {problemCount === 1
            ? 'One question needs your attention.'
            : `${problemCount} questions need your attention.`}
        </p>
      )}
      {error && problemCount === 0 && <FormError>{error}</FormError>}
      <div className="survey-actions">
        <Button type="submit" variant="primary" data-testid="survey-submit" disabled={sending}>
          {sending ? 'Sending…' : 'Send answer'}
        </Button>
      </div>
    </form>
  );
}
