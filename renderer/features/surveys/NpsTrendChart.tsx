import {
  CartesianGrid,
  ErrorBar,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrendPoint } from '../../../shared/features/surveys/api';
import { npsTrendRows } from './nps-trend-rows';

/**
 * NPS per quarter with its 95 % interval as whiskers (error bars): a change inside the whiskers is
 * noise. Hidden from assistive technology: its numbers are always in a table next to it.
 */
export function NpsTrendChart({ points, height = 240 }: { points: readonly TrendPoint[]; height?: number }) {
  const data = npsTrendRows(points).map((row) => ({
    ...row,
    // Recharts draws [below, above] the point.
    whisker: [row.nps - row.low, row.high - row.nps],
  }));
  return (
    <div className="nps-trend-chart" aria-hidden="true" data-testid="nps-trend-chart">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 12, right: 24, left: 0, bottom: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} />
          <YAxis
            domain={[-100, 100]}
            ticks={[-100, -50, 0, 50, 100]}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            width={40}
          />
          <ReferenceLine y={0} stroke="var(--border-strong)" />
          <Tooltip
            contentStyle={{
              background: 'var(--bg-elevated)',
              border: '1px solid var(--border)',
              color: 'var(--text)',
            }}
            formatter={(_value, _name, item) => {
              const row = item.payload as (typeof data)[number];
              return `${Math.round(row.nps)} (95 % CI ${Math.round(row.low)} … ${Math.round(row.high)}, n = ${row.n})`;
            }}
          />
          <Line dataKey="nps" name="NPS" stroke="var(--accent)" strokeWidth={2} isAnimationActive={false}>
            <ErrorBar
              dataKey="whisker"
              width={8}
              strokeWidth={1.5}
              stroke="var(--text-muted)"
              direction="y"
            />
          </Line>
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
