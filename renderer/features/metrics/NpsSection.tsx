import type { TrendPoint } from '../../../shared/features/surveys/api';
import { LatestNpsTrend, npsTrendRows, type NpsTrendRow } from '../surveys/public';
import { ChartFigure } from './ChartFigure';
import { DataTable, type Column } from './DataTable';

const columns: Column<NpsTrendRow>[] = [
  { header: 'Quarter', cell: (r) => r.label, csv: (r) => r.label },
  { header: 'NPS', cell: (r) => Math.round(r.nps), csv: (r) => r.nps, numeric: true },
  { header: '95 % low', cell: (r) => Math.round(r.low), csv: (r) => r.low, numeric: true },
  { header: '95 % high', cell: (r) => Math.round(r.high), csv: (r) => r.high, numeric: true },
  { header: 'Answers', cell: (r) => r.n, csv: (r) => r.n, numeric: true },
];

/** Developer satisfaction next to the delivery numbers: NPS per quarter with its interval. */
export function NpsSection() {
  return (
    <section className="metrics-section" aria-labelledby="metrics-nps" data-testid="metrics-nps">
      <h2 id="metrics-nps">Developer satisfaction (NPS per quarter)</h2>
      <p className="metrics-hint">
        From the quarterly survey; the whiskers are the 95 % interval, so a move inside them is noise.
      </p>
      <LatestNpsTrend>
        {(chart, points: readonly TrendPoint[]) => (
          <ChartFigure
            title="NPS per quarter"
            chart={chart}
            table={
              <DataTable
                caption="NPS per quarter with its 95 % interval"
                columns={columns}
                rows={npsTrendRows(points)}
                rowKey={(r) => r.surveyId}
                fileName="nps-per-quarter.csv"
                testId="metrics-nps-table"
              />
            }
          />
        )}
      </LatestNpsTrend>
    </section>
  );
}
