import { useState, type ReactNode } from 'react';
import { Tabs } from '../../components/ui/Choice';

type View = 'chart' | 'table';
const VIEWS = [
  { value: 'chart', label: 'Chart' },
  { value: 'table', label: 'Table' },
] as const;

/**
 * A chart with its numbers as a table, one tab each: screen readers and copy-paste get the table,
 * and the chart itself is hidden from assistive technology (it says the same thing less precisely).
 */
export function ChartFigure({
  title,
  description,
  chart,
  table,
  testId,
}: {
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  testId?: string;
}) {
  const [view, setView] = useState<View>('chart');
  return (
    <figure className="metrics-figure" data-testid={testId} data-view={view}>
      <figcaption>
        <h3>{title}</h3>
        {description && <p className="metrics-hint">{description}</p>}
      </figcaption>
      <Tabs<View> label={`${title}: chart or table`} tabs={VIEWS} value={view} onChange={setView}>
        {/* Both stay in the page (the table's CSV, find-in-page); the other one is hidden. */}
        <div className="metrics-chart" aria-hidden="true" hidden={view !== 'chart'}>
          {chart}
        </div>
        <div hidden={view !== 'table'}>{table}</div>
      </Tabs>
    </figure>
  );
}
