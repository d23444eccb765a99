import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Adoption, AdoptionRow } from '../../../shared/features/metrics/api';
import { ChartFigure } from './ChartFigure';
import { axisTick, CHART_HEIGHT, chartColors, tooltipStyle } from './chart-style';
import { DataTable, type Column } from './DataTable';
import { capabilityLabel, formatShare, NONE } from './format';

const columns: Column<AdoptionRow>[] = [
  { header: 'Capability', cell: (r) => capabilityLabel[r.capability], csv: (r) => r.capability },
  {
    header: 'Teams using',
    cell: (r) => `${r.teamsUsing}/${r.teams}`,
    csv: (r) => r.teamsUsing,
    numeric: true,
  },
  { header: 'Teams', cell: (r) => r.teams, csv: (r) => r.teams, numeric: true },
  { header: 'Share', cell: (r) => formatShare(r.share), csv: (r) => r.share, numeric: true },
  { header: 'Uses', cell: (r) => r.uses, csv: (r) => r.uses, numeric: true },
  {
    header: 'Support requests',
    cell: (r) => r.supportRequests,
    csv: (r) => r.supportRequests,
    numeric: true,
  },
  {
    header: 'Survey score',
    cell: (r) => (r.surveyScore === null ? NONE : r.surveyScore.toFixed(1)),
    csv: (r) => r.surveyScore,
    numeric: true,
  },
  { header: 'Low adoption', cell: (r) => (r.low ? 'yes' : 'no'), csv: (r) => r.low },
];

/** Adoption by capability: teams using it in the last N days, with the low ones called out. */
export function AdoptionSection({ adoption }: { adoption: Adoption }) {
  const low = adoption.rows.filter((r) => r.low);
  const share = adoption.teams === 0 ? null : adoption.teamsUsingPlatform / adoption.teams;
  const data = adoption.rows.map((r) => ({
    ...r,
    label: capabilityLabel[r.capability],
    percent: r.share * 100,
  }));
  return (
    <section className="metrics-section" aria-labelledby="metrics-adoption" data-testid="metrics-adoption">
      <h2 id="metrics-adoption">Adoption</h2>
      <p className="metrics-headline" data-testid="metrics-teams-using">
        Teams using the platform:{' '}
        <strong>
          {adoption.teamsUsingPlatform}/{adoption.teams}
        </strong>{' '}
        ({formatShare(share)})
        <span className="metrics-hint"> · used a capability in the last {adoption.days} days</span>
      </p>
      <ChartFigure
        title="By capability"
        description="Share of teams that used each capability. Low adoption is a discovery or usability problem."
        testId="metrics-adoption-chart"
        chart={
          <ResponsiveContainer width="100%" height={CHART_HEIGHT + 40}>
            <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }}>
              <CartesianGrid stroke={chartColors.grid} horizontal={false} />
              <XAxis type="number" domain={[0, 100]} unit=" %" tick={axisTick} />
              <YAxis type="category" dataKey="label" width={130} tick={axisTick} />
              <Tooltip {...tooltipStyle} formatter={(value) => `${Math.round(Number(value))} %`} />
              <Bar dataKey="percent" name="Teams using" isAnimationActive={false}>
                {data.map((r) => (
                  <Cell key={r.capability} fill={r.low ? chartColors.low : chartColors.primary} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <DataTable
            caption="Adoption by capability"
            columns={columns}
            rows={adoption.rows}
            rowKey={(r) => r.capability}
            fileName="adoption.csv"
            testId="metrics-adoption-table"
          />
        }
      />
      {low.length > 0 && (
        <div className="metrics-callout" role="note" data-testid="metrics-low-adoption">
          <h3>Low adoption</h3>
          <p className="metrics-hint">
            Compare with support load and survey score: high support load = platform usability problem; little
            support and little use = a discovery problem.
          </p>
          <ul>
            {low.map((r) => (
              <li key={r.capability}>
                <strong>{capabilityLabel[r.capability]}</strong> {r.teamsUsing}/{r.teams} teams (
                {formatShare(r.share)}) · {r.supportRequests} support request
                {r.supportRequests === 1 ? '' : 's'}· survey score{' '}
                {r.surveyScore === null ? 'not asked' : r.surveyScore.toFixed(1)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
