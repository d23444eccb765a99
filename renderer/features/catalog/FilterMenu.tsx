import { useEffect, useId, useRef, useState } from 'react';
import type { FilterOption } from './filter-options';
import './FilterMenu.css';

/**
 * A filter button with a popover of checkboxes (multi-select). Stays open while picking,
 * closes on Escape, on a click outside, or when focus leaves it.
 */
export function FilterMenu({
  label,
  testId,
  options,
  selected,
  onToggle,
}: {
  label: string;
  testId: string;
  options: readonly FilterOption[];
  selected: readonly string[];
  onToggle: (value: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const popoverId = useId();

  useEffect(() => {
    if (!open) return;
    popoverRef.current?.querySelector<HTMLInputElement>('input')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const selectedLabels = options
    .filter((option) => selected.includes(option.value))
    .map((option) => option.label);
  const summary =
    selectedLabels.length === 0
      ? null
      : selectedLabels.length === 1
        ? selectedLabels[0]
        : `${selectedLabels.length}`;

  return (
    <div
      className="filter-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (
          open &&
          !rootRef.current?.contains(event.relatedTarget as Node | null) &&
          event.relatedTarget !== null
        ) {
          setOpen(false);
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`button filter-button${summary ? ' active' : ''}`}
        data-testid={testId}
        aria-expanded={open}
        aria-controls={popoverId}
        aria-haspopup="true"
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        {summary && <span className="filter-summary">{summary}</span>}
        <span className="filter-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          className="filter-popover"
          id={popoverId}
          ref={popoverRef}
          role="group"
          aria-label={`${label} filter`}
        >
          {options.length === 0 && <div className="filter-empty muted">No values</div>}
          {options.map((option) => {
            const checked = selected.includes(option.value);
            return (
              <label
                key={option.value}
                className={`filter-option${option.count === 0 && !checked ? ' empty' : ''}`}
                data-testid="filter-option"
                data-value={option.value}
              >
                <input type="checkbox" checked={checked} onChange={() => onToggle(option.value)} />
                <span className="filter-option-label">{option.label}</span>
                <span className="filter-option-count">{option.count.toLocaleString('en-US')}</span>
              </label>
            );
          })}
        </div>
      )}
    </div>
  );
}
