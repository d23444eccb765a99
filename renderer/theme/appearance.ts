import { useLayoutEffect } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Light and dark on request; `system` follows the OS (renderer/theme/theme.css). */
export const appearances = ['system', 'light', 'dark'] as const;
export type Appearance = (typeof appearances)[number];

interface AppearanceState {
  appearance: Appearance;
  setAppearance(appearance: Appearance): void;
}

/** The user's choice, kept across restarts in localStorage (a preference of this app, not of the platform). */
export const useAppearanceStore = create<AppearanceState>()(
  persist(
    (set) => ({
      appearance: 'system',
      setAppearance: (appearance) => set({ appearance }),
    }),
    {
      name: 'pave.appearance',
      // A value from an older or edited store falls back to the OS's choice instead of breaking the theme.
      merge: (persisted, current) => {
        const stored = (persisted as Partial<AppearanceState> | undefined)?.appearance;
        return { ...current, appearance: appearances.includes(stored as Appearance) ? stored! : 'system' };
      },
    },
  ),
);

/** `data-theme` on <html> forces a scheme; without it the OS decides. */
export function applyAppearance(
  appearance: Appearance,
  root: Pick<Element, 'setAttribute' | 'removeAttribute'>,
): void {
  if (appearance === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', appearance);
}

/** Keeps <html> in step with the choice; a layout effect, so the first paint is already right. */
export function useAppliedAppearance(): void {
  const appearance = useAppearanceStore((state) => state.appearance);
  useLayoutEffect(() => applyAppearance(appearance, document.documentElement), [appearance]);
}

/**
 * The scheme on screen now, for "Switch to dark/light theme": the choice, or the OS's when the
 * choice is `system`.
 */
export function shownScheme(appearance: Appearance, osPrefersDark: boolean): 'light' | 'dark' {
  if (appearance !== 'system') return appearance;
  return osPrefersDark ? 'dark' : 'light';
}
