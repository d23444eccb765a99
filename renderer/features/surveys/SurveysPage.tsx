import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { EmptyState, ErrorState } from '../../components/ui/States';
import { settingsQuery } from '../../data/ipc-queries';
import { errorMessage } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { surveysQuery } from './data';
import { NewSurveyForm } from './NewSurveyForm';
import { surveyRoutes } from './routes';
import { answerBadge, phaseBadge } from './survey-states';
import './Surveys.css';

const isLead = (role: string | undefined) => role === 'lead' || role === 'admin';

export function SurveysPage() {
  const settings = useQuery(settingsQuery());
  const surveys = useQuery(surveysQuery());
  const lead = isLead(settings.data?.user?.role);
  const [creating, setCreating] = useState(false);
  // Answers given on another device are known from the platform's receipts; offline this fails
  // quietly and the cached state stands.
  useEffect(() => {
    void pave().invoke('surveys:refresh', {});
  }, []);
  const items = (surveys.data ?? []).filter((s) => lead || s.phase !== 'draft');

  return (
    <div className="surveys-page" data-testid="surveys-page">
      <header className="surveys-header">
        <div>
          <h1>Surveys</h1>
          <p className="surveys-hint">
            Anonymous: your answers are stored without your name, and teams under the threshold are never
            shown.
          </p>
        </div>
        {lead && !creating && (
          <Button variant="primary" data-testid="survey-new" onClick={() => setCreating(true)}>
            New survey
          </Button>
        )}
      </header>
      {lead && creating && <NewSurveyForm onClose={() => setCreating(false)} />}
      {surveys.isPending ? (
        <p className="surveys-hint">Loading surveys…</p>
      ) : surveys.isError ? (
        <ErrorState
          title="Could not read the surveys"
          action={<Button onClick={() => void surveys.refetch()}>Try again</Button>}
        >
          {errorMessage(surveys.error).message}
        </ErrorState>
      ) : items.length === 0 ? (
        <EmptyState title="No surveys yet" testId="surveys-empty">
          {lead
            ? 'Create one with “New survey”: the quarterly template asks about every capability.'
            : 'When a platform lead publishes a survey for your team it appears here.'}
        </EmptyState>
      ) : (
        <ul className="surveys-list" aria-label="Surveys">
          {items.map((s) => (
            <li key={s.survey.id} data-testid="survey-row" data-phase={s.phase}>
              <a className="survey-row-title" href={surveyRoutes.survey.href({ id: s.survey.id })}>
                {s.survey.title}
              </a>
              <span className="survey-row-badges">
                <Badge tone={phaseBadge[s.phase].tone}>{phaseBadge[s.phase].label}</Badge>
                {s.phase !== 'draft' && (
                  // Not answering a closed survey is history, not something to do.
                  <Badge
                    tone={
                      s.phase === 'closed' && s.myAnswer === 'none' ? 'neutral' : answerBadge[s.myAnswer].tone
                    }
                  >
                    {answerBadge[s.myAnswer].label}
                  </Badge>
                )}
                {s.pendingEdits > 0 && (
                  <Badge tone="warn">
                    {s.pendingEdits === 1 ? '1 change not synced' : `${s.pendingEdits} changes not synced`}
                  </Badge>
                )}
              </span>
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
