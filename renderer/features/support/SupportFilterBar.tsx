import type { SupportSortColumn } from '../../../shared/features/support/api';
import { hasFilters, useSupportStore, type SupportFilters } from './store';

const STATUSES = [
  ['open', 'Open'],
  // "answered": the platform team replied and waits for the requester.
  ['answered', 'Waiting on requester'],
  ['resolved', 'Resolved'],
] as const;
const TIERS = [
  ['documentation', 'Documentation'],
  ['community', 'Community'],
  ['direct', 'Direct'],
] as const;
const SLA = [
  ['on_track', 'On track'],
  ['at_risk', 'At risk'],
  ['breached', 'Breached'],
  ['escalated', 'Escalated'],
] as const;
const SORTS = [
  ['created:desc', 'Newest first'],
  ['created:asc', 'Oldest first'],
  ['slaDue:asc', 'SLA due (soonest first)'],
  ['tier:desc', 'Tier (direct first)'],
  ['tier:asc', 'Tier (documentation first)'],
] as const;

function Choice<V extends string>(props: {
  testId: string;
  label: string;
  any: string;
  value: V | '';
  options: readonly (readonly [V, string])[];
  onChange(value: V | ''): void;
}) {
  return (
    <select
      data-testid={props.testId}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as V | '')}
    >
      <option value="">{props.any}</option>
      {props.options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
}

/** Search, the four filters and the sort; each change re-queries SQLite through support:list. */
export function SupportFilterBar({ capabilities }: { capabilities: readonly string[] }) {
  const filters = useSupportStore((s) => s.filters);
  const setFilters = useSupportStore((s) => s.setFilters);
  const clearFilters = useSupportStore((s) => s.clearFilters);
  const set = (patch: Partial<SupportFilters>) => setFilters(patch);
  return (
    <div className="support-filters" role="group" aria-label="Filter and sort requests">
      <input
        type="search"
        data-testid="support-search"
        aria-label="Search requests"
        placeholder="Search title, capability, team"
        value={filters.search}
        onChange={(e) => set({ search: e.target.value })}
      />
      <Choice
        testId="support-filter-status"
        label="Status"
        any="Any status"
        value={filters.status}
        options={STATUSES}
        onChange={(status) => set({ status })}
      />
      <Choice
        testId="support-filter-tier"
        label="Tier"
        any="Any tier"
        value={filters.tier}
        options={TIERS}
        onChange={(tier) => set({ tier })}
      />
      <Choice
        testId="support-filter-sla"
        label="SLA"
        any="Any SLA state"
        value={filters.sla}
        options={SLA}
        onChange={(sla) => set({ sla })}
      />
      <Choice
        testId="support-filter-capability"
        label="Capability"
        any="Any capability"
        value={filters.capability}
        options={[...new Set([...capabilities, ...(filters.capability ? [filters.capability] : [])])].map(
          (c) => [c, c] as const,
        )}
        onChange={(capability) => set({ capability })}
      />
      <select
        data-testid="support-sort"
        aria-label="Sort"
        value={`${filters.sort.column}:${filters.sort.direction}`}
        onChange={(e) => {
          const [column, direction] = e.target.value.split(':') as [SupportSortColumn, 'asc' | 'desc'];
          set({ sort: { column, direction } });
        }}
      >
        {SORTS.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {hasFilters(filters) && (
        <button type="button" onClick={clearFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
