import type { ReactNode } from 'react';

/**
 * A chart with its numbers as a table underneath, behind a disclosure: screen readers and
 * copy-paste get the table, and the chart itself is hidden from assistive technology (it says
 * the same thing less precisely).
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
  return (
    <figure className="metrics-figure" data-testid={testId}>
      <figcaption>
        <h3>{title}</h3>
        {description && <p className="metrics-hint">{description}</p>}
      </figcaption>
      <div className="metrics-chart" aria-hidden="true">
        {chart}
      </div>
      <details className="metrics-table-view">
        <summary>Table view</summary>
        {table}
      </details>
    </figure>
  );
}
