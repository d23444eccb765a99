import { Badge, type Tone } from '../../components/ui/Badge';
import type { Band, BeforeAfter, DoraPeriod, ImprovementKey } from '../../../shared/features/metrics/api';
import { DataTable, type Column } from './DataTable';
import {
  bandLabel,
  formatDate,
  formatDuration,
  formatFrequency,
  formatImprovement,
  formatShare,
  NONE,
} from './format';

interface KeyRow {
  key: ImprovementKey;
  label: string;
  show(value: number | null): string;
  band(period: DoraPeriod): Band;
}

const keyRows: KeyRow[] = [
  { key: 'deploymentsPerWeek', label: 'Deploys', show: formatFrequency, band: (p) => p.frequencyBand },
  {
    key: 'leadTimeMedianSeconds',
    label: 'Lead time (median)',
    show: formatDuration,
    band: (p) => p.leadTimeBand,
  },
  {
    key: 'recoveryMedianSeconds',
    label: 'Time to restore (median)',
    show: formatDuration,
    band: (p) => p.recoveryBand,
  },
  {
    key: 'changeFailureRate',
    label: 'Change failure rate',
    show: formatShare,
    band: (p) => p.changeFailureBand,
  },
];

const periodLabel = (p: DoraPeriod) => `${formatDate(p.from)} – ${formatDate(p.to)}`;

/** DORA before and after the launch, as a lead shows it to management (issue 10's table). */
export function BeforeAfterSection({ beforeAfter }: { beforeAfter: BeforeAfter }) {
  const { before, after, improvement } = beforeAfter;
  const columns: Column<KeyRow>[] = [
    { header: 'Key', cell: (r) => r.label, csv: (r) => r.key },
    {
      header: 'Before platform',
      cell: (r) => r.show(improvement[r.key]?.before ?? null),
      csv: (r) => improvement[r.key]?.before ?? null,
      numeric: true,
    },
    { header: 'Band before', cell: (r) => <BandTag band={r.band(before)} />, csv: (r) => r.band(before) },
    {
      header: 'After platform',
      cell: (r) => r.show(improvement[r.key]?.after ?? null),
      csv: (r) => improvement[r.key]?.after ?? null,
      numeric: true,
    },
    { header: 'Band after', cell: (r) => <BandTag band={r.band(after)} />, csv: (r) => r.band(after) },
    {
      header: 'Improvement',
      cell: (r) => {
        const change = improvement[r.key];
        if (!change) return NONE;
        const tone = change.better === null ? '' : change.better ? 'metrics-better' : 'metrics-worse';
        return (
          <span className={tone}>
            {formatImprovement(change)}
            {change.better !== null && (
              <span className="visually-hidden">{change.better ? ' (better)' : ' (worse)'}</span>
            )}
          </span>
        );
      },
      csv: (r) => improvement[r.key]?.percent ?? null,
      numeric: true,
    },
  ];
  return (
    <section
      className="metrics-section"
      aria-labelledby="metrics-before-after"
      data-testid="metrics-before-after"
    >
      <h2 id="metrics-before-after">DORA before and after the platform</h2>
      <p className="metrics-hint">
        {beforeAfter.launchDate
          ? `Launch ${formatDate(beforeAfter.launchDate)}. `
          : 'No launch date yet: set one below, or the first platform event counts. '}
        Before: {periodLabel(before)} ({before.deployments} deploys) · after: {periodLabel(after)} (
        {after.deployments} deploys). Rework rate {formatShare(before.reworkRate)} →{' '}
        {formatShare(after.reworkRate)}.
      </p>
      <DataTable
        caption="DORA keys before and after the platform launch, with their DORA 2023 bands"
        columns={columns}
        rows={keyRows}
        rowKey={(r) => r.key}
        fileName="dora-before-after.csv"
        testId="metrics-before-after-table"
      />
    </section>
  );
}

const bandTone: Record<NonNullable<Band>, Tone> = { elite: 'ok', high: 'ok', medium: 'warn', low: 'danger' };

/** A DORA band as a badge: the word carries it, the tone only helps. */
export function BandTag({ band }: { band: Band }) {
  return <Badge tone={band === null ? 'neutral' : bandTone[band]}>{bandLabel(band)}</Badge>;
}
