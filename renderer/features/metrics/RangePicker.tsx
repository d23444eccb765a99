import { useState } from 'react';
import type { MetricsRangeInput } from '../../../shared/features/metrics/ipc';
import { Button } from '../../components/ui/Button';
import { TextField } from '../../components/ui/Field';
import { SelectField } from '../../components/ui/SelectField';
import { useMetricsView } from './store';

const DAY_MS = 86_400_000;
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

const PRESETS = [
  { value: 'quarter', label: 'This quarter' },
  { value: 'last90', label: 'Last 90 days' },
  { value: 'custom', label: 'Custom dates' },
] as const;
type Preset = (typeof PRESETS)[number]['value'];

/** The days a custom range shows: its own (the end day included), or the last 180 days to start from. */
function daysOf(range: MetricsRangeInput): { from: string; to: string } {
  if (range.preset === 'custom') {
    return { from: range.from.slice(0, 10), to: day(Date.parse(range.to) - DAY_MS) };
  }
  const now = Date.now();
  return { from: day(now - 180 * DAY_MS), to: day(now) };
}

/** This quarter, the last 90 days, or any from–to (dates, UTC, the end day included). */
export function RangePicker() {
  const { range, setRange } = useMetricsView();
  const [preset, setPreset] = useState<Preset>(range.preset);
  const [days, setDays] = useState(() => daysOf(range));
  const [error, setError] = useState<string | null>(null);
  // A range from elsewhere (a link, the back button) restarts the picker (React's pattern, no effect).
  const [basis, setBasis] = useState(range);
  if (basis !== range) {
    setBasis(range);
    setPreset(range.preset);
    setDays(daysOf(range));
  }

  const pick = (next: Preset) => {
    setPreset(next);
    setError(null);
    if (next !== 'custom') setRange({ preset: next });
  };
  function applyCustom() {
    const start = Date.parse(`${days.from}T00:00:00Z`);
    const end = Date.parse(`${days.to}T00:00:00Z`) + DAY_MS;
    if (!Number.isFinite(start) || !Number.isFinite(end)) return setError('Enter both dates.');
    if (start >= end) return setError('The start date must be on or before the end date.');
    setError(null);
    setRange({ preset: 'custom', from: new Date(start).toISOString(), to: new Date(end).toISOString() });
  }
  return (
    <form
      className="metrics-range"
      data-testid="metrics-range"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        applyCustom();
      }}
    >
      <SelectField
        label="Range"
        options={PRESETS}
        value={preset}
        onChange={(value) => pick(value || 'last90')}
        data-testid="metrics-range-preset"
      />
      {preset === 'custom' && (
        <>
          <TextField
            label="From"
            type="date"
            value={days.from}
            onChange={(e) => setDays((d) => ({ ...d, from: e.target.value }))}
            data-testid="metrics-range-from"
          />
          <TextField
            label="To"
            type="date"
            value={days.to}
            error={error}
            onChange={(e) => setDays((d) => ({ ...d, to: e.target.value }))}
            data-testid="metrics-range-to"
          />
          <Button type="submit" data-testid="metrics-range-apply">
            Apply
          </Button>
        </>
      )}
    </form>
  );
}
