import type { PaletteCommand } from '../palette/palette-pages';
import { pageRoute } from '../router/page-route';
import { routePath } from '../router/route-path';
import { SettingsPage } from './SettingsPage';

/** Settings belong to the core: every build has them, whatever features it lists. */
export const settingsPath = routePath('/settings');

export const settingsRoute = pageRoute(settingsPath, SettingsPage);

export const settingsCommand: PaletteCommand = {
  id: 'settings',
  label: 'Settings',
  keywords: 'platform url token embedded demo',
  href: settingsPath.href(),
};
