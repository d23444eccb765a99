import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DoraKeys, WeeklyPoint } from '../../../shared/features/metrics/api';
import { BandTag } from './BeforeAfterSection';
import { ChartFigure } from './ChartFigure';
import { axisTick, CHART_HEIGHT, chartColors, tooltipStyle } from './chart-style';
import { DataTable, type Column } from './DataTable';
import { formatDate, formatDuration, formatFrequency, formatShare } from './format';
import { launchWeek } from './launch-week';

const HOUR = 3600;

const weeklyColumns: Column<WeeklyPoint>[] = [
  { header: 'Week of', cell: (p) => p.weekStart, csv: (p) => p.weekStart },
  { header: 'Deploys', cell: (p) => p.deployments, csv: (p) => p.deployments, numeric: true },
  {
    header: 'Lead time (median)',
    cell: (p) => formatDuration(p.leadTimeMedianSeconds),
    csv: (p) => p.leadTimeMedianSeconds,
    numeric: true,
  },
  { header: 'Failed deploys', cell: (p) => p.failures, csv: (p) => p.failures, numeric: true },
  { header: 'Incidents', cell: (p) => p.incidents, csv: (p) => p.incidents, numeric: true },
];

/** The four keys over the selected range, each with its band. */
export function DoraSummary({ dora }: { dora: DoraKeys }) {
  const tiles = [
    {
      label: 'Deploys',
      value: formatFrequency(dora.deploymentsPerWeek),
      band: dora.frequencyBand,
      n: `${dora.deployments} deploys`,
    },
    {
      label: 'Lead time',
      value: formatDuration(dora.leadTimeMedianSeconds),
      band: dora.leadTimeBand,
      n: `${dora.leadTimeSamples} with a commit time`,
    },
    {
      label: 'Change failure',
      value: formatShare(dora.changeFailureRate),
      band: dora.changeFailureBand,
      n: `${dora.failedDeployments} failed`,
    },
    {
      label: 'Time to restore',
      value: formatDuration(dora.recoveryMedianSeconds),
      band: dora.recoveryBand,
      n: `${dora.recoveries} recoveries`,
    },
  ];
  return (
    <dl className="metrics-tiles" data-testid="metrics-dora">
      {tiles.map((t) => (
        <div key={t.label} className="metrics-tile">
          <dt>{t.label}</dt>
          <dd>
            <strong>{t.value}</strong> <BandTag band={t.band} />
            <span className="metrics-hint">{t.n}</span>
          </dd>
        </div>
      ))}
      <div className="metrics-tile">
        <dt>Rework rate</dt>
        <dd>
          <strong>{formatShare(dora.reworkRate)}</strong>
        </dd>
      </div>
    </dl>
  );
}

/** Weekly deploys and lead time, with the platform launch marked. */
export function TrendsSection({ weekly, launchDate }: { weekly: WeeklyPoint[]; launchDate: string | null }) {
  const launch = launchWeek(weekly, launchDate);
  const data = weekly.map((p) => ({
    ...p,
    leadTimeHours: p.leadTimeMedianSeconds === null ? null : p.leadTimeMedianSeconds / HOUR,
  }));
  const marker = launch && (
    <ReferenceLine
      x={launch}
      stroke={chartColors.marker}
      strokeDasharray="4 3"
      label={{ value: 'Platform launch', position: 'insideTopLeft', fill: chartColors.marker, fontSize: 12 }}
    />
  );
  const table = (testId: string) => (
    <DataTable
      caption="Weekly deploys, lead time, failures and incidents"
      columns={weeklyColumns}
      rows={weekly}
      rowKey={(p) => p.weekStart}
      fileName="weekly-trends.csv"
      testId={testId}
    />
  );
  const launchText = launchDate ? `The dashed line marks the launch (${formatDate(launchDate)}).` : undefined;
  return (
    <section className="metrics-section" aria-labelledby="metrics-trends" data-testid="metrics-trends">
      <h2 id="metrics-trends">Weekly trends</h2>
      <div className="metrics-grid">
        <ChartFigure
          title="Production deploys per week"
          description={launchText}
          testId="metrics-deploys-chart"
          chart={
            <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
              <BarChart data={data}>
                <CartesianGrid stroke={chartColors.grid} vertical={false} />
                <XAxis dataKey="weekStart" tick={axisTick} minTickGap={24} />
                <YAxis allowDecimals={false} tick={axisTick} width={40} />
                <Tooltip {...tooltipStyle} />
                <Bar
                  dataKey="deployments"
                  name="Deploys"
                  fill={chartColors.primary}
                  isAnimationActive={false}
                />
                {marker}
              </BarChart>
            </ResponsiveContainer>
          }
          table={table('metrics-weekly-deploys-table')}
        />
        <ChartFigure
          title="Lead time, median per week (hours)"
          description={launchText}
          testId="metrics-lead-time-chart"
          chart={
            <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
              <LineChart data={data}>
                <CartesianGrid stroke={chartColors.grid} vertical={false} />
                <XAxis dataKey="weekStart" tick={axisTick} minTickGap={24} />
                <YAxis tick={axisTick} width={40} />
                <Tooltip {...tooltipStyle} formatter={(value) => `${Number(value).toFixed(1)} h`} />
                <Line
                  dataKey="leadTimeHours"
                  name="Lead time"
                  stroke={chartColors.primary}
                  dot={false}
                  connectNulls
                  isAnimationActive={false}
                />
                {marker}
              </LineChart>
            </ResponsiveContainer>
          }
          table={table('metrics-weekly-lead-time-table')}
        />
      </div>
    </section>
  );
}
