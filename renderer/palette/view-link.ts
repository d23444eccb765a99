/**
 * The `pave://` link of the view on screen: the hash route and the view kept in the URL, which the
 * desktop app opens again (electron/main/deep-link.ts; docs/architecture.md, "Core").
 */
export function deepLinkForHash(hash: string): string {
  const route = hash.replace(/^#\/?/, '');
  return `pave://${route}`;
}

/** The palette's "Copy link to this view": it acts in place, like the theme switch. */
export const copyViewLink = {
  id: 'copy-view-link',
  label: 'Copy link to this view',
  keywords: 'link share url deep pave copy clipboard',
} as const;
