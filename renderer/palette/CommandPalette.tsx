import { useQuery } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useState } from 'react';
import { navigate, type Route } from '../app/route';
import { useDebouncedValue } from '../catalog/use-debounced-value';
import { errorMessage } from '../data/ipc-error';
import { catalogListQuery } from '../data/ipc-queries';
import { matchPages } from './palette-pages';
import { usePaletteStore } from './palette-store';
import './CommandPalette.css';

const MAX_SERVICES = 12;

/** Ctrl/Cmd+K: jump to a page, or to a service found by the same search as the catalog. */
export function CommandPalette() {
  const open = usePaletteStore((state) => state.open);
  const setOpen = usePaletteStore((state) => state.setOpen);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 150);

  const services = useQuery({
    ...catalogListQuery({ search: debounced, sort: { column: 'name', direction: 'asc' } }),
    enabled: open && debounced !== '',
  });

  const close = () => {
    setOpen(false);
    setSearch('');
  };
  const go = (route: Exclude<Route, { page: 'not-found' }>) => {
    close();
    navigate(route);
  };

  const pages = matchPages(search);
  const rows = debounced === '' ? [] : (services.data?.rows.slice(0, MAX_SERVICES) ?? []);
  const more = debounced === '' ? 0 : Math.max(0, (services.data?.total ?? 0) - rows.length);

  return (
    <Command.Dialog
      open={open}
      onOpenChange={(next) => (next ? setOpen(true) : close())}
      label="Command palette"
      shouldFilter={false}
      loop
      overlayClassName="palette-overlay"
      contentClassName="palette-content"
      className="palette"
    >
      <Command.Input
        className="palette-input"
        placeholder="Jump to a page or service…"
        value={search}
        onValueChange={setSearch}
        data-testid="command-input"
      />
      <Command.List className="palette-list">
        <Command.Empty className="palette-empty">
          {services.isFetching ? 'Searching…' : `Nothing matches “${search.trim()}”.`}
        </Command.Empty>
        {pages.length > 0 && (
          <Command.Group heading="Pages" className="palette-group">
            {pages.map((page) => (
              <Command.Item
                key={page.id}
                value={`page:${page.id}`}
                className="palette-item"
                onSelect={() => go(page.route)}
              >
                <span className="palette-kind">Page</span>
                {page.label}
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {services.isError && <div className="palette-empty">{errorMessage(services.error).message}</div>}
        {rows.length > 0 && (
          <Command.Group heading="Services" className="palette-group">
            {rows.map((row) => (
              <Command.Item
                key={row.id}
                value={`service:${row.id}`}
                className="palette-item"
                data-testid="command-service"
                data-service-id={row.id}
                onSelect={() => go({ page: 'service', id: row.id })}
              >
                <span className="palette-title">{row.title}</span>
                <span className="palette-sub mono">{row.name}</span>
                {row.ownerTeamName && <span className="palette-team">{row.ownerTeamName}</span>}
              </Command.Item>
            ))}
            {more > 0 && (
              <div className="palette-more muted">
                {more.toLocaleString('en-US')} more — refine the search, or search in the catalog.
              </div>
            )}
          </Command.Group>
        )}
      </Command.List>
    </Command.Dialog>
  );
}
