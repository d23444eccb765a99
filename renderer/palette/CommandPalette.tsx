import { useQueries } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { Fragment, useState } from 'react';
import { useDebouncedValue } from '../components/use-debounced-value';
import { errorMessage } from '../data/ipc-error';
import { navigate } from '../router/hash-location';
import type { Href } from '../router/route-path';
import { matchPages, type PaletteCommand } from './palette-pages';
import type { PaletteSearch } from './palette-search';
import { usePaletteStore } from './palette-store';
import './CommandPalette.css';

/**
 * Ctrl/Cmd+K: jump to a page, or to a record found by a feature's search (the catalog's
 * services). Pages and searches come from the features (docs/architecture.md, "Features").
 */
export function CommandPalette({
  commands,
  searches,
}: {
  commands: readonly PaletteCommand[];
  searches: readonly PaletteSearch[];
}) {
  const open = usePaletteStore((state) => state.open);
  const setOpen = usePaletteStore((state) => state.setOpen);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 150);

  const results = useQueries({
    queries: searches.map((source) => ({
      ...source.query(debounced),
      enabled: open && debounced !== '',
    })),
  });

  const close = () => {
    setOpen(false);
    setSearch('');
  };
  const go = (href: Href) => {
    close();
    navigate(href);
  };

  const pages = matchPages(search, commands);
  const fetching = results.some((result) => result.isFetching);

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
          {fetching ? 'Searching…' : `Nothing matches “${search.trim()}”.`}
        </Command.Empty>
        {pages.length > 0 && (
          <Command.Group heading="Pages" className="palette-group">
            {pages.map((page) => (
              <Command.Item
                key={page.id}
                value={`page:${page.id}`}
                className="palette-item"
                onSelect={() => go(page.href)}
              >
                <span className="palette-kind">Page</span>
                {page.label}
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {searches.map((source, index) => {
          const result = results[index];
          if (!result) return null;
          const hits = debounced === '' ? [] : (result.data?.hits ?? []);
          const more = debounced === '' ? 0 : (result.data?.more ?? 0);
          return (
            <Fragment key={source.id}>
              {result.isError && <div className="palette-empty">{errorMessage(result.error).message}</div>}
              {hits.length > 0 && (
                <Command.Group heading={source.heading} className="palette-group">
                  {hits.map((hit) => (
                    <Command.Item
                      key={hit.id}
                      value={`${source.id}:${hit.id}`}
                      className="palette-item"
                      {...hit.attributes}
                      onSelect={() => go(hit.href)}
                    >
                      <span className="palette-title">{hit.title}</span>
                      {hit.detail !== undefined && <span className="palette-sub mono">{hit.detail}</span>}
                      {hit.tag && <span className="palette-team">{hit.tag}</span>}
                    </Command.Item>
                  ))}
                  {more > 0 && <div className="palette-more muted">{source.moreLabel(more)}</div>}
                </Command.Group>
              )}
            </Fragment>
          );
        })}
      </Command.List>
    </Command.Dialog>
  );
}
