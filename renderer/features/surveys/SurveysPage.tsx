import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { SurveyItem } from '../../../shared/features/surveys/ipc';
import { navigate } from '../../router/hash-location';
import { surveyRoutes } from './routes';
import { settingsQuery, teamsQuery } from '../../data/ipc-queries';
import { pave } from '../../data/pave';
import { useCommand } from '../../data/command';
import { surveyKeys, surveysQuery } from './data';
import './Surveys.css';

const isLead = (role: string | undefined) => role === 'lead' || role === 'admin';

const phaseLabel: Record<SurveyItem['phase'], string> = {
  draft: 'Draft',
  upcoming: 'Upcoming',
  open: 'Open',
  closed: 'Closed',
};

const answerLabel: Record<SurveyItem['myAnswer'], string> = {
  none: 'Not answered',
  queued: 'Answer queued (offline)',
  answered: 'Answered',
  rejected: 'Answer rejected',
};

export function SurveysPage() {
  const settings = useQuery(settingsQuery());
  const surveys = useQuery(surveysQuery());
  const lead = isLead(settings.data?.user?.role);
  // Answers given on another device are known from the platform's receipts; offline this fails
  // quietly and the cached state stands.
  useEffect(() => {
    void pave().invoke('surveys:refresh', {});
  }, []);
  const items = (surveys.data ?? []).filter((s) => lead || s.phase !== 'draft');

  return (
    <div className="surveys-page" data-testid="surveys-page">
      <header className="surveys-header">
        <h1>Surveys</h1>
        <p className="surveys-hint">
          Anonymous: your answers are stored without your name, and teams under the threshold are never shown.
        </p>
      </header>
      {lead && <NewSurveyForm />}
      {surveys.isPending ? (
        <p>Loading…</p>
      ) : items.length === 0 ? (
        <p className="surveys-empty">No surveys yet.</p>
      ) : (
        <ul className="surveys-list">
          {items.map((s) => (
            <li key={s.survey.id} data-testid="survey-row">
              <a href={surveyRoutes.survey.href({ id: s.survey.id })}>{s.survey.title}</a>
              <span className={`survey-phase survey-phase-${s.phase}`}>{phaseLabel[s.phase]}</span>
              {s.phase !== 'draft' && <span className="survey-answer-state">{answerLabel[s.myAnswer]}</span>}
              {s.pendingEdits > 0 && (
                <span className="survey-pending">{s.pendingEdits} change(s) not synced</span>
              )}
              <span className="survey-dates">
                {new Date(s.survey.opensAt).toLocaleDateString()} –{' '}
                {new Date(s.survey.closesAt).toLocaleDateString()}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const day = 86_400_000;
const dateInput = (d: Date) => d.toISOString().slice(0, 10);

function NewSurveyForm() {
  const run = useCommand({ thenInvalidate: surveyKeys.all });
  const teams = useQuery(teamsQuery());
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<'quarterly' | 'none'>('quarterly');
  const [quarter, setQuarter] = useState('');
  const [opens, setOpens] = useState(() => dateInput(new Date()));
  const [closes, setCloses] = useState(() => dateInput(new Date(Date.now() + 14 * day)));
  const [minGroupSize, setMinGroupSize] = useState(5);
  const [audience, setAudience] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  if (!open) {
    return (
      <button type="button" className="surveys-new" data-testid="survey-new" onClick={() => setOpen(true)}>
        New survey
      </button>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const { id } = await run('surveys:create', {
        title,
        template,
        quarter: quarter || null,
        opensAt: new Date(`${opens}T00:00:00`).toISOString(),
        closesAt: new Date(`${closes}T23:59:59`).toISOString(),
        minGroupSize,
        audienceTeamIds: audience,
        // From scratch starts with an NPS question; more are added on the survey page.
        questions:
          template === 'none'
            ? [
                {
                  id: 'nps',
                  type: 'nps',
                  prompt: 'How likely are you to recommend the platform to a colleague?',
                  required: true,
                },
              ]
            : [],
      });
      navigate(surveyRoutes.survey.href({ id }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form className="survey-form" onSubmit={(e) => void submit(e)} data-testid="survey-new-form">
      <label>
        Title <input required value={title} onChange={(e) => setTitle(e.target.value)} name="title" />
      </label>
      <label>
        Start from
        <select
          value={template}
          onChange={(e) => setTemplate(e.target.value as 'quarterly' | 'none')}
          name="template"
        >
          <option value="quarterly">
            Quarterly platform survey (Likert per capability, NPS, DevEx, free text)
          </option>
          <option value="none">Scratch</option>
        </select>
      </label>
      <label>
        Quarter{' '}
        <input
          placeholder="2025-Q3"
          value={quarter}
          onChange={(e) => setQuarter(e.target.value)}
          name="quarter"
        />
      </label>
      <label>
        Opens <input type="date" value={opens} onChange={(e) => setOpens(e.target.value)} />
      </label>
      <label>
        Closes <input type="date" value={closes} onChange={(e) => setCloses(e.target.value)} />
      </label>
      <label>
        Minimum group size (k ≥ 3)
        <input
          type="number"
          min={3}
          value={minGroupSize}
          onChange={(e) => setMinGroupSize(Number(e.target.value))}
          name="minGroupSize"
        />
      </label>
      <fieldset>
        <legend>Audience (none selected = all engineers)</legend>
        {(teams.data ?? []).map((t) => (
          <label key={t.id} className="survey-check">
            <input
              type="checkbox"
              checked={audience.includes(t.id)}
              onChange={(e) =>
                setAudience((a) => (e.target.checked ? [...a, t.id] : a.filter((id) => id !== t.id)))
              }
            />
            {t.name}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="survey-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" data-testid="survey-create">
        Create draft
      </button>
    </form>
  );
}
