import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Lifecycle, Tier } from '../../../shared/features/catalog/api';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { PlatformSetupFailure, PlatformSetupProgress } from '../../status/PlatformSetup';
import { syncStatusQuery, teamsQuery } from '../../data/ipc-queries';
import { catalogListQuery } from './data';
import { catalogCountLabel, hasActiveFilters, toCatalogQuery, useCatalogStore } from './store';
import { CatalogTable } from './CatalogTable';
import { CatalogSearch } from './CatalogSearch';
import { lifecycleOptions, teamOptions, tierOptions } from './filter-options';
import { FilterMenu } from './FilterMenu';
import { useUrlState } from '../../router/url-state';
import { catalogUrlCodec } from './url-state';
import { catalogRoutes } from './routes';
import './CatalogPage.css';

export function CatalogPage() {
  // The view (search, filters, sort) lives in the URL too: shareable, restored on reload.
  useUrlState(useCatalogStore, catalogUrlCodec, catalogRoutes.catalog.href());
  const filters = useCatalogStore(
    useShallow((state) => ({
      search: state.search,
      teamIds: state.teamIds,
      tiers: state.tiers,
      lifecycles: state.lifecycles,
      sort: state.sort,
    })),
  );
  const actions = useCatalogStore(
    useShallow((state) => ({
      toggleTeam: state.toggleTeam,
      toggleTier: state.toggleTier,
      toggleLifecycle: state.toggleLifecycle,
      clearFilters: state.clearFilters,
    })),
  );
  // No debounce: a keystroke asks for one window and its counts, a few milliseconds in the
  // backend, and this page renders once it is cached (CatalogSearch, search-typing.ts), so the
  // table follows the typing frame by frame (docs/architecture.md, "Core").
  const catalog = useQuery(catalogListQuery(toCatalogQuery(filters, filters.search)));
  const status = useQuery(syncStatusQuery());
  const firstSync =
    (status.data?.state === 'starting' || status.data?.state === 'syncing') &&
    status.data.lastSyncedAt === null;
  const teams = useQuery(teamsQuery());
  const teamLabels = useMemo(
    () => new Map((teams.data ?? []).map((team) => [team.id, team.name])),
    [teams.data],
  );

  const page = catalog.data;
  const filtered = hasActiveFilters(filters);

  return (
    <div className="catalog-page" data-testid="catalog-page">
      <header className="page-header">
        <h1>Catalog</h1>
        {page && !(firstSync && page.totalAll === 0) && (
          <span className="catalog-count muted" data-testid="catalog-count" aria-live="polite">
            {catalogCountLabel(page.total, page.totalAll, hasActiveFilters(page.query))}
          </span>
        )}
        {catalog.isFetching && page && <span className="catalog-updating muted">Updating…</span>}
      </header>

      <div className="catalog-toolbar">
        <CatalogSearch />
        <FilterMenu
          label="Team"
          testId="filter-team"
          options={teamOptions(page, filters.teamIds, teamLabels)}
          selected={filters.teamIds}
          onToggle={actions.toggleTeam}
        />
        <FilterMenu
          label="Tier"
          testId="filter-tier"
          options={tierOptions(page, filters.tiers)}
          selected={filters.tiers.map(String)}
          onToggle={(value) => {
            const tier = Tier.safeParse(Number(value));
            if (tier.success) actions.toggleTier(tier.data);
          }}
        />
        <FilterMenu
          label="Lifecycle"
          testId="filter-lifecycle"
          options={lifecycleOptions(page, filters.lifecycles)}
          selected={filters.lifecycles}
          onToggle={(value) => {
            const lifecycle = Lifecycle.safeParse(value);
            if (lifecycle.success) actions.toggleLifecycle(lifecycle.data);
          }}
        />
        {filtered && page && page.total > 0 && (
          <button
            type="button"
            className="button small ghost"
            data-testid="clear-filters"
            onClick={actions.clearFilters}
          >
            Clear filters
          </button>
        )}
      </div>

      {catalog.isError && (
        <QueryErrorNotice
          title={page ? 'Could not refresh the catalog' : 'Could not load the catalog'}
          error={catalog.error}
          onRetry={() => void catalog.refetch()}
        />
      )}
      {(catalog.isPending || (firstSync && page?.totalAll === 0)) && (
        <div className="catalog-loading muted" data-testid="catalog-loading">
          <PlatformSetupProgress fallback="Loading the catalog…" />
        </div>
      )}
      {page && page.total > 0 && (
        <CatalogTable first={page} sort={filters.sort} dimmed={catalog.isPlaceholderData} />
      )}
      {page && page.total === 0 && !(firstSync && page.totalAll === 0) && (
        <CatalogEmpty filtered={filtered} onClear={actions.clearFilters} totalAll={page.totalAll} />
      )}
    </div>
  );
}

function CatalogEmpty({
  filtered,
  totalAll,
  onClear,
}: {
  filtered: boolean;
  totalAll: number;
  onClear: () => void;
}) {
  const status = useQuery(syncStatusQuery());
  if (filtered) {
    return (
      <div className="page-message">
        <h1>No services match</h1>
        <p className="muted">
          None of the {totalAll.toLocaleString('en-US')} services match this search and these filters.
        </p>
        <button type="button" className="button" data-testid="clear-filters" onClick={onClear}>
          Clear filters
        </button>
      </div>
    );
  }
  const state = status.data?.state;
  const syncing = state === 'starting' || state === 'syncing';
  return (
    <div className="page-message">
      <h1>{syncing ? 'Fetching the catalog…' : 'No services yet'}</h1>
      <p className="muted">
        {syncing
          ? 'Pave is syncing services from the platform; they appear here as they arrive.'
          : state === 'offline'
            ? 'Pave has not reached the platform yet. Services appear here after the first sync.'
            : 'The platform has no services yet.'}
      </p>
      <PlatformSetupFailure />
    </div>
  );
}
