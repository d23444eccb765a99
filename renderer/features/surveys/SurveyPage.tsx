import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { Question, SurveyAnswers } from '../../../shared/features/surveys/api';
import { answerProblems } from '../../../shared/features/surveys/answer-problems';
import type { SurveyItem } from '../../../shared/features/surveys/ipc';
import { errorMessage, IpcError } from '../../data/ipc-error';
import { useAnswerDrafts } from './answer-drafts';
import { surveyRoutes } from './routes';
import { settingsQuery } from '../../data/ipc-queries';
import { SurveyResultsView } from './SurveyResultsView';
import { useCommand } from '../../data/command';
import { surveyKeys, surveyQuery } from './data';
import './Surveys.css';

export function SurveyPage({ id }: { id: string }) {
  const settings = useQuery(settingsQuery());
  const item = useQuery(surveyQuery(id));
  const role = settings.data?.user?.role;
  const lead = role === 'lead' || role === 'admin';

  if (item.isPending) return <p>Loading…</p>;
  if (!item.data) {
    return (
      <div className="surveys-page">
        <p>This survey is not in the local cache.</p>
        <a href={surveyRoutes.surveys.href()}>All surveys</a>
      </div>
    );
  }
  const s = item.data;
  return (
    <div className="surveys-page" data-testid="survey-page" data-phase={s.phase} data-my-answer={s.myAnswer}>
      <a href={surveyRoutes.surveys.href()}>← Surveys</a>
      <h1>{s.survey.title}</h1>
      <p className="surveys-hint">
        {s.phase === 'draft'
          ? 'Draft'
          : `Open ${new Date(s.survey.opensAt).toLocaleString()} – ${new Date(s.survey.closesAt).toLocaleString()}`}
        {' · '}anonymous · teams shown from {s.survey.minGroupSize} respondents
      </p>
      {s.pendingEdits > 0 && (
        <p className="survey-pending">{s.pendingEdits} change(s) will sync when the platform is reachable.</p>
      )}
      {s.phase === 'draft' && lead && <DraftEditor item={s} />}
      {s.phase !== 'draft' && <AnswerSection item={s} />}
      {lead && s.phase !== 'draft' && <SurveyResultsView id={s.survey.id} closesAt={s.survey.closesAt} />}
    </div>
  );
}

function DraftEditor({ item }: { item: SurveyItem }) {
  const run = useCommand({ thenInvalidate: surveyKeys.all });
  const [type, setType] = useState<Question['type']>('likert');
  const [prompt, setPrompt] = useState('');
  const [options, setOptions] = useState('');
  const [error, setError] = useState<string | null>(null);
  const questions = item.survey.questions;

  async function act(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  function addQuestion(e: FormEvent) {
    e.preventDefault();
    const id = `q${questions.length + 1}-${Date.now().toString(36)}`;
    const base = { id, prompt, required: false };
    const choice = options
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((label, i) => ({ id: `o${i + 1}`, label }));
    const question =
      type === 'single_choice' || type === 'multiple_choice'
        ? { ...base, type, options: choice }
        : type === 'likert'
          ? { ...base, type, capability: null, driver: null }
          : { ...base, type };
    void act(async () => {
      await run('surveys:update', { id: item.survey.id, patch: { questions: [...questions, question] } });
      setPrompt('');
      setOptions('');
    });
  }

  return (
    <section className="survey-section">
      <h2>Questions</h2>
      <ol className="survey-questions">
        {questions.map((q) => (
          <li key={q.id}>
            <span className="survey-qtype">{q.type.replace('_', ' ')}</span> {q.prompt}
          </li>
        ))}
      </ol>
      <form className="survey-form survey-inline" onSubmit={addQuestion}>
        <select
          value={type}
          onChange={(e) => setType(e.target.value as Question['type'])}
          aria-label="Question type"
        >
          <option value="nps">NPS 0–10</option>
          <option value="likert">Likert 1–5</option>
          <option value="single_choice">Single choice</option>
          <option value="multiple_choice">Multiple choice</option>
          <option value="free_text">Free text</option>
        </select>
        <input required placeholder="Question" value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        {(type === 'single_choice' || type === 'multiple_choice') && (
          <input
            required
            placeholder="Options, comma-separated"
            value={options}
            onChange={(e) => setOptions(e.target.value)}
          />
        )}
        <button type="submit">Add question</button>
      </form>
      {error && (
        <p className="survey-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="survey-primary"
        data-testid="survey-publish"
        onClick={() => void act(() => run('surveys:publish', { id: item.survey.id }))}
      >
        Publish
      </button>
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
        Thanks — your answer was recorded.
      </p>
    );
  if (item.myAnswer === 'queued') {
    return (
      <p className="survey-done" data-testid="survey-queued">
        Your answer is saved on this computer and will be sent when the platform is reachable.
      </p>
    );
  }
  // A refused answer brings the form back with the draft as it was: fix and send again.
  const canAnswer = item.myAnswer === 'none' || item.myAnswer === 'rejected';
  return (
    <>
      {item.rejection && (
        <p className="survey-error" role="alert" data-testid="survey-rejection">
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
          `[data-question="${first.id}"] input, [data-question="${first.id}"] textarea`,
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
  return (
    <form
      className="survey-form survey-answer"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="survey-answer-form"
    >
      {item.survey.questions.map((q) => (
        <fieldset
          key={q.id}
          data-question={q.id}
          aria-invalid={problems[q.id] ? true : undefined}
          aria-describedby={problems[q.id] ? `problem-${q.id}` : undefined}
        >
          <legend>
            {q.prompt}
            {q.required ? <span aria-label="required"> *</span> : ''}
          </legend>
          {(q.type === 'nps' || q.type === 'likert') && (
            <div className="survey-scale" role="radiogroup" aria-label={q.prompt}>
              {(q.type === 'nps' ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [1, 2, 3, 4, 5]).map((v) => (
                <label key={v}>
                  <input
                    type="radio"
                    name={q.id}
                    checked={answers[q.id] === v}
                    onChange={() => set(q.id, v)}
                  />
                  {v}
                </label>
              ))}
            </div>
          )}
          {q.type === 'single_choice' &&
            q.options.map((o) => (
              <label key={o.id} className="survey-check">
                <input
                  type="radio"
                  name={q.id}
                  checked={answers[q.id] === o.id}
                  onChange={() => set(q.id, o.id)}
                />
                {o.label}
              </label>
            ))}
          {q.type === 'multiple_choice' &&
            q.options.map((o) => {
              const current = Array.isArray(answers[q.id]) ? (answers[q.id] as string[]) : [];
              return (
                <label key={o.id} className="survey-check">
                  <input
                    type="checkbox"
                    checked={current.includes(o.id)}
                    onChange={(e) =>
                      set(q.id, e.target.checked ? [...current, o.id] : current.filter((x) => x !== o.id))
                    }
                  />
                  {o.label}
                </label>
              );
            })}
          {q.type === 'free_text' && (
            <textarea
              aria-label={q.prompt}
              maxLength={4000}
              value={typeof answers[q.id] === 'string' ? (answers[q.id] as string) : ''}
              onChange={(e) => set(q.id, e.target.value)}
            />
          )}
          {problems[q.id] && (
            <p className="field-error" id={`problem-${q.id}`} data-testid="survey-question-problem">
              {problems[q.id]}
            </p>
          )}
        </fieldset>
      ))}
      {problemCount > 0 && (
        <p className="survey-error" role="alert" data-testid="survey-answer-problems">
          {problemCount === 1
            ? 'One question needs your attention.'
            : `${problemCount} questions need your attention.`}
        </p>
      )}
      {error && problemCount === 0 && (
        <p className="survey-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="survey-primary" data-testid="survey-submit" disabled={sending}>
        {sending ? 'Sending…' : 'Send answer'}
      </button>
    </form>
  );
}
