import type { ComponentType } from 'react';
import type { QueryKey } from '@tanstack/react-query';
import { assertUnique } from '../../shared/ipc/shared-feature';
import { mergeQueryKeysByTable } from '../data/table-invalidation';
import type { Shortcut } from '../keyboard/shortcut';
import type { PaletteCommand } from '../palette/palette-pages';
import type { PaletteSearch } from '../palette/palette-search';
import type { PageRoute } from '../router/page-route';
import { settingsCommand, settingsPath, settingsRoute } from '../settings/settings-route';
import { navGroups, type NavEntry } from './nav-entry';
import type { Home, RendererFeature, StartupQuery } from './renderer-feature';
import type { SlotContribution } from './slots';

/** Everything the shell needs, gathered once from the feature list. */
export interface Shell {
  home: Home;
  routes: readonly PageRoute[];
  navEntries: readonly NavEntry[];
  paletteCommands: readonly PaletteCommand[];
  paletteSearches: readonly PaletteSearch[];
  slots: readonly SlotContribution[];
  background: readonly ComponentType[];
  shortcuts: readonly Shortcut[];
  startup: readonly StartupQuery[];
  queriesByTable: Readonly<Record<string, readonly QueryKey[]>>;
}

const settingsNavEntry: NavEntry = {
  group: 'App',
  order: 10,
  label: 'Settings',
  icon: '⚙',
  href: settingsPath.href(),
  activeOn: [settingsPath],
};

/**
 * The features' contributions in list order, plus the core's own (settings). A feature listed
 * twice or a path declared twice throws at start-up: the second would never be reached.
 */
export function composeShell(features: readonly RendererFeature[], home: Home): Shell {
  assertUnique(
    'renderer feature',
    features.map((feature) => feature.name),
  );
  const all = <T>(pick: (feature: RendererFeature) => readonly T[] | undefined): T[] =>
    features.flatMap((feature) => pick(feature) ?? []);
  const routes = [...all((f) => f.routes), settingsRoute];
  assertUnique(
    'route path',
    routes.map((route) => route.path.pattern),
  );
  const navEntries = [...all((f) => f.navEntries), settingsNavEntry];
  return {
    home,
    routes,
    navEntries,
    paletteCommands: withNavPages([...all((f) => f.paletteCommands), settingsCommand], navEntries),
    paletteSearches: all((f) => f.paletteSearches),
    slots: all((f) => f.slots),
    background: all((f) => f.background),
    shortcuts: all((f) => f.shortcuts),
    startup: all((f) => (f.startup ? [f.startup] : [])),
    queriesByTable: mergeQueryKeysByTable(all((f) => (f.queryKeysByTable ? [f.queryKeysByTable] : []))),
  };
}

/**
 * Every sidebar entry is a page in the palette (in sidebar order), so a page is never missing; a feature's
 * own command for the same address wins (it carries search keywords).
 */
function withNavPages(commands: readonly PaletteCommand[], entries: readonly NavEntry[]): PaletteCommand[] {
  const covered = new Set(
    commands.filter((command) => command.kind !== 'action').map((command) => command.href),
  );
  const pages = [...entries]
    .sort((a, b) => navGroups.indexOf(a.group) - navGroups.indexOf(b.group) || a.order - b.order)
    .filter((entry) => !covered.has(entry.href))
    .map((entry): PaletteCommand => ({
      id: `nav:${entry.href}`,
      label: entry.label,
      keywords: entry.group.toLowerCase(),
      href: entry.href,
    }));
  return [...commands, ...pages];
}
