import { useState } from 'react';
import type { MetricsRangeInput } from '../../../shared/features/metrics/ipc';
import { useMetricsView } from './store';

const dateInput = (iso: string) => iso.slice(0, 10);
const DAY_MS = 86_400_000;

/** This quarter, the last 90 days, or any from–to (dates, UTC, the end day included). */
export function RangePicker() {
  const { range, setRange } = useMetricsView();
  const now = new Date();
  const [from, setFrom] = useState(() => dateInput(new Date(now.getTime() - 180 * DAY_MS).toISOString()));
  const [to, setTo] = useState(() => dateInput(now.toISOString()));
  const [error, setError] = useState<string | null>(null);
  const pick = (preset: 'quarter' | 'last90' | 'custom') => {
    setError(null);
    if (preset !== 'custom') setRange({ preset });
    else applyCustom();
  };
  function applyCustom() {
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`) + DAY_MS;
    if (!Number.isFinite(start) || !Number.isFinite(end)) return setError('Enter both dates.');
    if (start >= end) return setError('The start date must be on or before the end date.');
    const custom: MetricsRangeInput = {
      preset: 'custom',
      from: new Date(start).toISOString(),
      to: new Date(end).toISOString(),
    };
    setError(null);
    setRange(custom);
  }
  return (
    <fieldset className="metrics-range" data-testid="metrics-range">
      <legend>Range</legend>
      {(
        [
          ['quarter', 'This quarter'],
          ['last90', 'Last 90 days'],
          ['custom', 'Custom'],
        ] as const
      ).map(([preset, label]) => (
        <label key={preset} className="metrics-radio">
          <input
            type="radio"
            name="metrics-range"
            checked={range.preset === preset}
            onChange={() => pick(preset)}
            data-testid={`metrics-range-${preset}`}
          />
          {label}
        </label>
      ))}
      {range.preset === 'custom' && (
        <span className="metrics-custom-range">
          <label>
            From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="button" className="button small" onClick={applyCustom}>
            Apply
          </button>
        </span>
      )}
      {error && (
        <span className="metrics-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
