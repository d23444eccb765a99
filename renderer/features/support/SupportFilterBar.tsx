import type { SupportSortColumn } from '../../../shared/features/support/api';
import { Button } from '../../components/ui/Button';
import { SelectInput, type SelectOption } from '../../components/ui/SelectField';
import { hasFilters, useSupportStore, type SupportFilters } from './store';

const STATUSES = [
  { value: '', label: 'Any status' },
  { value: 'open', label: 'Open' },
  // "answered": the platform team replied and waits for the requester.
  { value: 'answered', label: 'Waiting on requester' },
  { value: 'resolved', label: 'Resolved' },
] as const satisfies readonly SelectOption<SupportFilters['status']>[];
const TIERS = [
  { value: '', label: 'Any tier' },
  { value: 'documentation', label: 'Documentation' },
  { value: 'community', label: 'Community' },
  { value: 'direct', label: 'Direct' },
] as const satisfies readonly SelectOption<SupportFilters['tier']>[];
const SLA = [
  { value: '', label: 'Any SLA state' },
  { value: 'on_track', label: 'On track' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'breached', label: 'Breached' },
  { value: 'escalated', label: 'Escalated' },
] as const satisfies readonly SelectOption<SupportFilters['sla']>[];
const SORTS = [
  { value: 'created:desc', label: 'Newest first' },
  { value: 'created:asc', label: 'Oldest first' },
  { value: 'slaDue:asc', label: 'SLA due (soonest first)' },
  { value: 'tier:desc', label: 'Tier (direct first)' },
  { value: 'tier:asc', label: 'Tier (documentation first)' },
] as const;
type SortValue = (typeof SORTS)[number]['value'];

/** Search, the four filters and the sort; each change asks support:list for a new first window. */
export function SupportFilterBar({ capabilities }: { capabilities: readonly string[] }) {
  const filters = useSupportStore((s) => s.filters);
  const setFilters = useSupportStore((s) => s.setFilters);
  const clearFilters = useSupportStore((s) => s.clearFilters);
  const set = (patch: Partial<SupportFilters>) => setFilters(patch);
  // A capability from a shared link stays choosable even when no request has it (any more).
  const capabilityOptions: SelectOption<string>[] = [
    { value: '', label: 'Any capability' },
    ...[...new Set([...capabilities, ...(filters.capability ? [filters.capability] : [])])].map((c) => ({
      value: c,
      label: c,
    })),
  ];
  return (
    <div className="support-filters" role="group" aria-label="Filter and sort requests">
      <input
        type="search"
        className="ui-input support-search"
        data-testid="support-search"
        aria-label="Search requests"
        placeholder="Search title, capability, team"
        value={filters.search}
        onChange={(e) => set({ search: e.target.value })}
      />
      <SelectInput
        data-testid="support-filter-status"
        aria-label="Status"
        options={STATUSES}
        value={filters.status}
        onChange={(status) => set({ status })}
      />
      <SelectInput
        data-testid="support-filter-tier"
        aria-label="Tier"
        options={TIERS}
        value={filters.tier}
        onChange={(tier) => set({ tier })}
      />
      <SelectInput
        data-testid="support-filter-sla"
        aria-label="SLA"
        options={SLA}
        value={filters.sla}
        onChange={(sla) => set({ sla })}
      />
      <SelectInput
        data-testid="support-filter-capability"
        aria-label="Capability"
        options={capabilityOptions}
        value={filters.capability}
        onChange={(capability) => set({ capability })}
      />
      <SelectInput<SortValue>
        data-testid="support-sort"
        aria-label="Sort"
        options={SORTS}
        value={`${filters.sort.column}:${filters.sort.direction}` as SortValue}
        onChange={(value) => {
          if (!value) return;
          const [column, direction] = value.split(':') as [SupportSortColumn, 'asc' | 'desc'];
          set({ sort: { column, direction } });
        }}
      />
      {hasFilters(filters) && (
        <Button variant="ghost" onClick={clearFilters}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
