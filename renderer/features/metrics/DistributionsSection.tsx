import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricsReport } from '../../../shared/features/metrics/api';
import { ChartFigure } from './ChartFigure';
import { axisTick, CHART_HEIGHT, chartColors, tooltipStyle } from './chart-style';
import { DataTable, type Column } from './DataTable';
import { formatDuration } from './format';

type Quarter = MetricsReport['onboarding']['quarters'][number];
type Bucket = MetricsReport['leadTimeHistogram'][number];

const DAY = 86_400;

const quarterColumns: Column<Quarter>[] = [
  { header: 'Quarter created', cell: (q) => q.quarter, csv: (q) => q.quarter },
  { header: 'Services', cell: (q) => q.services, csv: (q) => q.services, numeric: true },
  {
    header: 'Time to onboard (median)',
    cell: (q) => formatDuration(q.medianSeconds),
    csv: (q) => q.medianSeconds,
    numeric: true,
  },
];

const bucketColumns: Column<Bucket>[] = [
  { header: 'Lead time', cell: (b) => b.bucket, csv: (b) => b.bucket },
  { header: 'Deploys', cell: (b) => b.count, csv: (b) => b.count, numeric: true },
];

/** Time to onboard a new service per quarter, and how lead times spread. */
export function DistributionsSection({ report }: { report: MetricsReport }) {
  const quarters = report.onboarding.quarters.map((q) => ({
    ...q,
    days: q.medianSeconds === null ? null : q.medianSeconds / DAY,
  }));
  return (
    <section
      className="metrics-section"
      aria-labelledby="metrics-distributions"
      data-testid="metrics-distributions"
    >
      <h2 id="metrics-distributions">Onboarding and lead time</h2>
      <div className="metrics-grid">
        <ChartFigure
          title="Time to onboard a new service (median days)"
          description="From creation from a template to its first healthy production deploy, by quarter of creation."
          testId="metrics-onboarding-chart"
          chart={
            <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
              <BarChart data={quarters}>
                <CartesianGrid stroke={chartColors.grid} vertical={false} />
                <XAxis dataKey="quarter" tick={axisTick} />
                <YAxis tick={axisTick} width={40} />
                <Tooltip {...tooltipStyle} formatter={(value) => `${Number(value).toFixed(1)} days`} />
                <Bar dataKey="days" name="Median" fill={chartColors.primary} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          }
          table={
            <DataTable
              caption="Time to onboard a new service, by quarter of creation"
              columns={quarterColumns}
              rows={report.onboarding.quarters}
              rowKey={(q) => q.quarter}
              fileName="onboarding.csv"
              testId="metrics-onboarding-table"
            />
          }
        />
        <ChartFigure
          title="Lead time distribution"
          description="Production deploys in the range by commit → production time."
          testId="metrics-histogram-chart"
          chart={
            <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
              <BarChart data={report.leadTimeHistogram}>
                <CartesianGrid stroke={chartColors.grid} vertical={false} />
                <XAxis dataKey="bucket" tick={axisTick} interval={0} />
                <YAxis allowDecimals={false} tick={axisTick} width={40} />
                <Tooltip {...tooltipStyle} />
                <Bar dataKey="count" name="Deploys" fill={chartColors.primary} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          }
          table={
            <DataTable
              caption="Production deploys by lead time"
              columns={bucketColumns}
              rows={report.leadTimeHistogram}
              rowKey={(b) => b.bucket}
              fileName="lead-time-distribution.csv"
              testId="metrics-histogram-table"
            />
          }
        />
      </div>
    </section>
  );
}
