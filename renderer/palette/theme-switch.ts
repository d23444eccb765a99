import { shownScheme, type Appearance } from '../theme/appearance';

/** The palette's "Switch to dark/light theme": it acts in place, so it is not a page command. */
export interface ThemeSwitch {
  id: 'switch-theme';
  label: string;
  keywords: string;
  /** The appearance choosing it sets: the other scheme than the one on screen. */
  next: 'light' | 'dark';
}

export function themeSwitch(appearance: Appearance, osPrefersDark: boolean): ThemeSwitch {
  const next = shownScheme(appearance, osPrefersDark) === 'dark' ? 'light' : 'dark';
  return {
    id: 'switch-theme',
    label: `Switch to ${next} theme`,
    keywords: 'theme appearance dark light mode colors',
    next,
  };
}
