import { useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { Fragment, useRef, useState, type KeyboardEvent } from 'react';
import { copyText } from '../components/clipboard-copy';
import { toast } from '../components/ui/toast-store';
import { useDebouncedValue } from '../components/use-debounced-value';
import { errorMessage } from '../data/ipc-error';
import { settingsQuery } from '../data/ipc-queries';
import { whenRendered } from '../components/when-rendered';
import type { Shortcut } from '../keyboard/shortcut';
import { navigate, useHash } from '../router/hash-location';
import { useAppearanceStore } from '../theme/appearance';
import type { Href } from '../router/route-path';
import { commandsFor, matchPages, type OfferedCommand, type PaletteCommand } from './palette-pages';
import type { PaletteHit, PaletteHits, PaletteSearch } from './palette-search';
import { usePaletteStore } from './palette-store';
import { themeSwitch } from './theme-switch';
import { copyViewLink, deepLinkForHash } from './view-link';
import './CommandPalette.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const paletteKey = isMac ? '⌘K' : 'Ctrl+K';

/**
 * Ctrl/Cmd+K: the actions the user may take, every page, recent services, records found by the
 * features' searches, and the keyboard shortcuts (docs/architecture.md, "Features"). Enter
 * pressed before a search has answered runs the first result once it arrives.
 */
export function CommandPalette({
  commands,
  searches,
  shortcuts,
}: {
  commands: readonly PaletteCommand[];
  searches: readonly PaletteSearch[];
  shortcuts: readonly Shortcut[];
}) {
  const open = usePaletteStore((state) => state.open);
  const setOpen = usePaletteStore((state) => state.setOpen);
  const recent = usePaletteStore((state) => state.recent);
  const [search, setSearch] = useState('');
  const latestText = useRef('');
  const queryClient = useQueryClient();
  const debounced = useDebouncedValue(search.trim(), 150);
  const role = useQuery({ ...settingsQuery(), enabled: open }).data?.user?.role ?? null;

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
  const go = (href: Href, then?: OfferedCommand['then']) => {
    close();
    navigate(href);
    if (then && 'focus' in then) whenRendered(then.focus, (element) => element.focus());
    if (then && 'click' in then) whenRendered(then.click, (element) => element.click());
  };
  const runShortcut = (shortcut: Shortcut) => {
    close();
    shortcut.run();
  };

  const hash = useHash();
  const allowed = commandsFor(commands, role, hash);
  const matched = matchPages(search, allowed);
  const actions = matched.filter((command) => command.kind === 'action');
  const appearance = useAppearanceStore((state) => state.appearance);
  const setAppearance = useAppearanceStore((state) => state.setAppearance);
  const osPrefersDark =
    typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const copyLink = async () => {
    const link = deepLinkForHash(hash);
    const copied = (await copyText(navigator.clipboard as Clipboard | undefined, link)) === 'copied';
    // Where the clipboard refuses, the link is still shown so it can be copied by hand.
    toast(
      copied
        ? { title: 'Link copied', description: `${link} opens this view in Pave.` }
        : { title: 'Could not copy the link', description: link, tone: 'danger' },
    );
  };
  const theme = themeSwitch(appearance, osPrefersDark);
  // Actions that act where the user is, instead of opening a page.
  const inPlace = matchPages(search, [
    { ...theme, run: (): void => setAppearance(theme.next) },
    { ...copyViewLink, run: (): void => void copyLink() },
  ]);
  const pages = matched.filter((command) => command.kind !== 'action');
  const recentMatches = matchRecent(search, recent);
  const shortcutMatches = matchShortcuts(search, shortcuts);
  const fetching = results.some((result) => result.isFetching);
  const settled = debounced === search.trim() && !fetching;

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || settled) return;
    // The rows on screen belong to an older text (or there are none yet): cmdk would act on a
    // stale row or do nothing, so this Enter runs the first result for the text as typed.
    event.preventDefault();
    const text = search.trim();
    latestText.current = text;
    const first = actions[0] ?? pages[0] ?? recentMatches[0];
    if (first) return go(first.href, 'then' in first ? first.then : undefined);
    void firstSearchHit(queryClient, searches, text).then((hit) => {
      if (hit && latestText.current === text && usePaletteStore.getState().open) go(hit.href);
    });
  };

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
        placeholder="Type a command, a page or a service…"
        value={search}
        onValueChange={(value) => {
          setSearch(value);
          latestText.current = value.trim();
        }}
        onKeyDown={onInputKeyDown}
        data-testid="command-input"
        data-settled={settled}
      />
      <Command.List className="palette-list">
        <Command.Empty className="palette-empty">
          {fetching || !settled ? 'Searching…' : `Nothing matches “${search.trim()}”.`}
        </Command.Empty>
        {(actions.length > 0 || inPlace.length > 0) && (
          <Command.Group heading="Actions" className="palette-group">
            {actions.map((action) => (
              <Command.Item
                key={action.id}
                value={`action:${action.id}`}
                className="palette-item"
                data-testid="palette-action"
                data-command={action.id}
                onSelect={() => go(action.href, action.then)}
              >
                <span className="palette-kind">Action</span>
                {action.label}
              </Command.Item>
            ))}
            {inPlace.map((action) => (
              <Command.Item
                key={action.id}
                value={`action:${action.id}`}
                className="palette-item"
                data-testid="palette-action"
                data-command={action.id}
                onSelect={() => {
                  close();
                  action.run();
                }}
              >
                <span className="palette-kind">Action</span>
                {action.label}
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {recentMatches.length > 0 && (
          <Command.Group heading="Recent" className="palette-group">
            {recentMatches.map((item) => (
              <Command.Item
                key={item.id}
                value={`recent:${item.id}`}
                className="palette-item"
                data-testid="palette-recent"
                onSelect={() => go(item.href)}
              >
                <span className="palette-kind">Recent</span>
                {item.title}
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {pages.length > 0 && (
          <Command.Group heading="Pages" className="palette-group">
            {pages.map((page) => (
              <Command.Item
                key={page.id}
                value={`page:${page.id}`}
                className="palette-item"
                data-testid="palette-page"
                data-command={page.id}
                onSelect={() => go(page.href, page.then)}
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
        {shortcutMatches.length > 0 && (
          <Command.Group heading="Keyboard shortcuts" className="palette-group">
            {search.trim() === '' && (
              <div className="palette-shortcut muted" data-testid="palette-shortcut">
                Open this palette <kbd>{paletteKey}</kbd>
              </div>
            )}
            {shortcutMatches.map((shortcut) => (
              <Command.Item
                key={shortcut.key}
                value={`shortcut:${shortcut.key}`}
                className="palette-item palette-shortcut"
                data-testid="palette-shortcut"
                onSelect={() => runShortcut(shortcut)}
              >
                {shortcut.label}
                <kbd>{shortcut.key}</kbd>
              </Command.Item>
            ))}
          </Command.Group>
        )}
      </Command.List>
    </Command.Dialog>
  );
}

const words = (search: string) => search.trim().toLowerCase().split(/\s+/).filter(Boolean);

function matchRecent<T extends { title: string }>(search: string, items: readonly T[]): T[] {
  const needles = words(search);
  return items.filter((item) => needles.every((word) => item.title.toLowerCase().includes(word)));
}

function matchShortcuts(search: string, shortcuts: readonly Shortcut[]): Shortcut[] {
  const needles = words(search);
  return shortcuts.filter((shortcut) =>
    needles.every((word) => `${shortcut.label} shortcut key`.toLowerCase().includes(word)),
  );
}

/** The first hit of the features' searches for `text`, asked now (not after the debounce). */
async function firstSearchHit(
  queryClient: QueryClient,
  searches: readonly PaletteSearch[],
  text: string,
): Promise<PaletteHit | null> {
  for (const source of searches) {
    const options = source.query(text);
    try {
      const data = await queryClient.fetchQuery(options);
      // fetchQuery returns the raw answer; the search's `select` turns it into hits.
      const hits = (options.select ? options.select(data) : data) as PaletteHits;
      const hit = hits.hits[0];
      if (hit) return hit;
    } catch {
      // The palette shows a failing search's error itself; Enter just finds nothing there.
    }
  }
  return null;
}
