import { Lifecycle, type Tier } from '../../../shared/features/catalog/api';
import type { CatalogPage } from '../../../shared/features/catalog/ipc';

export interface FilterOption {
  /** As a string: it becomes the option's `data-value`. */
  value: string;
  label: string;
  count: number;
}

type Facet<T> = { value: T; label: string; count: number };

/**
 * Facet counts merged with every value the user can pick: tiers and lifecycles always show
 * their full vocabulary, and a selected value stays visible even when nothing matches it now.
 */
function merge<T extends string | number>(
  facets: readonly Facet<T>[],
  known: readonly { value: T; label: string }[],
  selected: readonly T[],
  labelFor: (value: T) => string,
): FilterOption[] {
  const options = new Map<T, FilterOption>();
  for (const { value, label } of known) options.set(value, { value: String(value), label, count: 0 });
  for (const facet of facets)
    options.set(facet.value, { value: String(facet.value), label: facet.label, count: facet.count });
  for (const value of selected) {
    if (!options.has(value)) options.set(value, { value: String(value), label: labelFor(value), count: 0 });
  }
  return [...options.values()];
}

const tiers: readonly Tier[] = [1, 2, 3, 4];

export function tierOptions(page: CatalogPage | undefined, selected: readonly Tier[]): FilterOption[] {
  const known = tiers.map((tier) => ({ value: tier, label: `Tier ${tier}` }));
  return merge(page?.facets.tiers ?? [], known, selected, (tier) => `Tier ${tier}`).sort(
    (a, b) => Number(a.value) - Number(b.value),
  );
}

const lifecycleLabel = (lifecycle: string) => lifecycle.charAt(0).toUpperCase() + lifecycle.slice(1);

export function lifecycleOptions(
  page: CatalogPage | undefined,
  selected: readonly Lifecycle[],
): FilterOption[] {
  const order = Lifecycle.options;
  const known = order.map((value) => ({ value, label: lifecycleLabel(value) }));
  return merge(page?.facets.lifecycles ?? [], known, selected, lifecycleLabel).sort(
    (a, b) => order.indexOf(a.value as Lifecycle) - order.indexOf(b.value as Lifecycle),
  );
}

/** Teams by name; a selected team missing from the facets keeps its last known label. */
export function teamOptions(
  page: CatalogPage | undefined,
  selected: readonly string[],
  knownLabels: ReadonlyMap<string, string>,
): FilterOption[] {
  return merge(page?.facets.teams ?? [], [], selected, (id) => knownLabels.get(id) ?? id).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
}
