import { useQuery } from '@tanstack/react-query';
import type { GroupResult, QuestionResult } from '../../../shared/features/surveys/api';
import { DEVEX_LABELS } from '../../../shared/domain/devex';
import { resultsToCsv } from './results-csv';
import { surveyResultsQuery } from './data';
import { NpsTrendChart } from './NpsTrendChart';
import { Button } from '../../components/ui/Button';
import { Badge } from '../../components/ui/Badge';
import { EmptyState } from '../../components/ui/States';
import { Table, Td, Th } from '../../components/ui/Table';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`;
const num = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function SurveyResultsView({ id, closesAt }: { id: string; closesAt: string }) {
  const query = useQuery(surveyResultsQuery(id));
  const data = query.data;
  if (query.isPending) return <p className="surveys-hint">Loading results…</p>;
  if (!data?.results) {
    return (
      <section className="survey-section" data-testid="survey-results">
        <h2>Results</h2>
        <EmptyState title="No results yet">
          {data?.error
            ? `Nothing is cached on this computer, and fresh results could not be fetched: ${data.error.message}`
            : 'Results appear once people have answered.'}
        </EmptyState>
      </section>
    );
  }
  const r = data.results;
  return (
    <section className="survey-section" data-testid="survey-results">
      <h2>Results</h2>
      <p className="surveys-hint" data-testid="survey-results-source">
        {data.error ? (
          <Badge tone="warn">
            Offline — cached results from {new Date(data.fetchedAt ?? '').toLocaleString()}
          </Badge>
        ) : (
          <Badge tone="ok">Live</Badge>
        )}
        {' · '}
        {r.release === 'collecting'
          ? `at least ${r.respondents} of ${r.audience} responded`
          : `${r.respondents} of ${r.audience} responded`}
      </p>
      <Button
        size="small"
        onClick={() => download(`survey-${id}.csv`, resultsToCsv(r))}
        data-testid="survey-csv"
      >
        Export CSV
      </Button>
      {r.release === 'collecting' ? (
        // The server releases nothing before the close (shared/domain/anonymity.ts, releaseOf).
        <p data-testid="survey-release">
          Results are released when the survey closes ({new Date(closesAt).toLocaleString()}), all at once, so
          no one&apos;s answer can be told apart by comparing two looks. Until then the count moves in steps
          of {r.minGroupSize}.
        </p>
      ) : r.suppressed || !r.overall ? (
        <p data-testid="survey-suppressed">
          Fewer than {r.minGroupSize} people have answered: results stay hidden to protect anonymity.
        </p>
      ) : (
        <GroupView result={r.overall} />
      )}
      <h3>Teams</h3>
      <Table label="Results per team" data-testid="survey-teams">
        <thead>
          <tr>
            <Th>Team</Th>
            <Th numeric>Responded</Th>
            <Th numeric>Rate</Th>
            <Th numeric>NPS</Th>
          </tr>
        </thead>
        <tbody>
          {r.teams.map((t) => {
            const nps = t.result?.questions.find((q) => q.nps)?.nps;
            return (
              <tr key={t.teamId ?? 'none'}>
                <Td>{t.teamName}</Td>
                <Td numeric>
                  {t.respondents} / {t.audience}
                </Td>
                <Td numeric>{pct(t.responseRate)}</Td>
                <Td numeric>
                  {t.visible
                    ? num(nps?.nps, 0)
                    : t.hiddenReason === 'complementary'
                      ? 'hidden (protects a small team)'
                      : `hidden (< ${r.minGroupSize})`}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {r.trend.length > 0 && (
        <>
          <h3>Trend</h3>
          <p className="surveys-hint">
            NPS per quarter; the whiskers are the 95% interval. The table below has the numbers.
          </p>
          <NpsTrendChart points={r.trend} />
          <Table label="NPS per quarter" data-testid="survey-trend">
            <thead>
              <tr>
                <Th>Survey</Th>
                <Th numeric>NPS (95% CI)</Th>
                <Th numeric>Change</Th>
                <Th numeric>p</Th>
              </tr>
            </thead>
            <tbody>
              {r.trend.map((p) => (
                <tr key={p.surveyId}>
                  <Td>{p.quarter ?? p.title}</Td>
                  <Td numeric>
                    {num(p.nps.nps, 0)} ({num(p.nps.low, 0)} … {num(p.nps.high, 0)})
                  </Td>
                  <Td numeric>
                    {p.comparison
                      ? `${p.comparison.difference > 0 ? '+' : ''}${num(p.comparison.difference, 0)}`
                      : '—'}
                  </Td>
                  <Td numeric>
                    {p.comparison
                      ? `${p.comparison.pValue.toFixed(3)}${p.comparison.significant ? ' significant' : ' not significant'}`
                      : '—'}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </section>
  );
}

function GroupView({ result }: { result: GroupResult }) {
  return (
    <div className="survey-group">
      {result.questions.map((q) => (
        <QuestionView key={q.questionId} q={q} />
      ))}
      {result.devex.some((d) => d.n > 0) && (
        <div className="survey-devex" data-testid="survey-devex">
          <h3>DevEx drivers</h3>
          {result.devex.map((d) => (
            <div key={d.driver}>
              {DEVEX_LABELS[d.driver]}: <strong>{num(d.score, 0)}</strong> / 100 ({pct(d.favorable)}{' '}
              favorable, n = {d.n})
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function QuestionView({ q }: { q: QuestionResult }) {
  return (
    <div className="survey-qresult">
      <h4>{q.prompt}</h4>
      {q.nps && (
        <div data-testid="survey-nps">
          <span className="survey-nps-value" data-testid="survey-nps-value">
            NPS {num(q.nps.nps, 0)}
          </span>{' '}
          95% CI {num(q.nps.low, 0)} … {num(q.nps.high, 0)} ({q.nps.method}) · promoters {q.nps.promoters} ·
          passives {q.nps.passives} · detractors {q.nps.detractors} · n = {q.nps.n}
        </div>
      )}
      {q.likert && (
        <div className="survey-bars">
          {q.likert.shares.map((s, i) => (
            <div key={i} className="survey-bar" title={`${i + 1}: ${q.likert?.counts[i]}`}>
              <span>{i + 1}</span>
              <span className="survey-bar-fill" style={{ width: `${Math.round(s * 100)}%` }} />
              <span>{pct(s)}</span>
            </div>
          ))}
          <div>
            mean {num(q.likert.mean, 2)} · n = {q.likert.n}
          </div>
        </div>
      )}
      {q.choices?.map((c) => (
        <div key={c.optionId}>
          {c.label}: {c.count} ({pct(c.share)})
        </div>
      ))}
      {q.comments && (
        <ul className="survey-comments">
          {q.comments.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
