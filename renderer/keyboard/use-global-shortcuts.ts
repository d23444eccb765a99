import { useEffect } from 'react';
import { usePaletteStore } from '../palette/palette-store';
import type { Shortcut } from './shortcut';
import { isTypingTarget } from './shortcut-target';

/** Ctrl/Cmd+K toggles the command palette; the features' single keys run when no field has focus. */
export function useGlobalShortcuts(shortcuts: readonly Shortcut[]): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        const palette = usePaletteStore.getState();
        palette.setOpen(!palette.open);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const shortcut = shortcuts.find((candidate) => candidate.key === event.key);
      if (!shortcut || usePaletteStore.getState().open) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shortcuts]);
}
