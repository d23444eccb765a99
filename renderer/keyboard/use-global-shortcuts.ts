import { useEffect } from 'react';
import type { Shortcut } from './shortcut';
import { isTypingTarget } from './shortcut-target';

/** The command palette as the keyboard sees it (the palette lives in its own folder). */
export interface PaletteToggle {
  toggle(): void;
  isOpen(): boolean;
}

/** Ctrl/Cmd+K toggles the command palette; the features' single keys run when no field has focus. */
export function useGlobalShortcuts(shortcuts: readonly Shortcut[], palette: PaletteToggle): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        palette.toggle();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const shortcut = shortcuts.find((candidate) => candidate.key === event.key);
      if (!shortcut || palette.isOpen()) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shortcuts, palette]);
}
