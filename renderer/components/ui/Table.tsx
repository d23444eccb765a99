import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import './ui.css';

/**
 * A table with a header row that stays in view, numbers right-aligned in tabular figures, and text
 * cells that wrap instead of cutting what matters. Long lists use a virtualized table instead
 * (the catalog's); these are for lists a page shows whole or in windows.
 */
export function Table({
  label,
  children,
  className,
  ...rest
}: { label: string; children: ReactNode } & HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="ui-table-wrap">
      <table {...rest} aria-label={label} className={className ? `ui-table ${className}` : 'ui-table'}>
        {children}
      </table>
    </div>
  );
}

type Numeric = { numeric?: boolean };

/** A column header; `numeric` for a column of numbers. */
export function Th({ numeric, ...rest }: Numeric & ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" data-align={numeric ? 'end' : 'start'} {...rest} />;
}

/** A cell; `numeric` for numbers, which then line up by their digits. */
export function Td({ numeric, ...rest }: Numeric & TdHTMLAttributes<HTMLTableCellElement>) {
  return <td data-align={numeric ? 'end' : 'start'} {...rest} />;
}
