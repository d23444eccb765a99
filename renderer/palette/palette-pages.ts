import type { Href } from '../router/route-path';

/** A page the palette can jump to; features contribute theirs (`paletteCommands`). */
export interface PaletteCommand {
  id: string;
  label: string;
  keywords: string;
  href: Href;
}

export function matchPages(search: string, commands: readonly PaletteCommand[]): PaletteCommand[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((page) => {
    const haystack = `${page.label} ${page.keywords}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
