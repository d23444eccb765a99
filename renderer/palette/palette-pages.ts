import type { Role } from '../../shared/api/directory';
import type { Href } from '../router/route-path';

/**
 * Something the palette can do; features contribute theirs (`paletteCommands`), and every
 * sidebar entry is a page command too (renderer/shell/compose-shell.ts), so no page is missing.
 */
export interface PaletteCommand {
  id: string;
  label: string;
  keywords: string;
  /**
   * Where it goes; a function makes a command contextual: it is offered only where it returns an
   * address (e.g. "Deploy this service" on a service page, given the current hash).
   */
  href: Href | ((hash: string) => Href | null);
  /** A page jumps there; an action starts something (create, propose…) and is listed first. */
  kind?: 'page' | 'action';
  /** Who may take it (checked again by the platform); absent = everyone signed in. */
  roles?: readonly Role[];
  /** After the jump: focus or press this element (a CSS selector), e.g. the form's first field. */
  then?: { focus: string } | { click: string };
}

/** A command offered here and now: its address known. */
export type OfferedCommand = Omit<PaletteCommand, 'href'> & { href: Href };

export function matchPages<T extends Pick<PaletteCommand, 'label' | 'keywords'>>(
  search: string,
  commands: readonly T[],
): T[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((page) => {
    const haystack = `${page.label} ${page.keywords}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * The commands a user with `role` may take at `hash` (role unknown yet: only those open to all).
 */
export function commandsFor(
  commands: readonly PaletteCommand[],
  role: Role | null,
  hash: string,
): OfferedCommand[] {
  return commands.flatMap((command) => {
    if (command.roles && (role === null || !command.roles.includes(role))) return [];
    const href = typeof command.href === 'function' ? command.href(hash) : command.href;
    return href === null ? [] : [{ ...command, href }];
  });
}
