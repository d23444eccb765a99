import { useEffect } from 'react';
import { navigate } from '../app/route';
import { usePaletteStore } from '../palette/palette-store';
import { isTypingTarget } from './shortcut-target';

export const catalogSearchId = 'catalog-search';

/** `/` focuses the catalog search; Ctrl/Cmd+K toggles the command palette. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        const palette = usePaletteStore.getState();
        palette.setOpen(!palette.open);
        return;
      }
      if (
        event.key === '/' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !isTypingTarget(event.target)
      ) {
        if (usePaletteStore.getState().open) return;
        event.preventDefault();
        const search = document.getElementById(catalogSearchId);
        if (search) search.focus();
        else {
          // From another page: go to the catalog, then focus once it has rendered.
          navigate({ page: 'catalog' });
          focusWhenRendered(catalogSearchId);
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** The catalog renders after the hash change is handled; wait a few frames for its search box. */
function focusWhenRendered(id: string, framesLeft = 30): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element) element.focus();
    else if (framesLeft > 0) focusWhenRendered(id, framesLeft - 1);
  });
}
