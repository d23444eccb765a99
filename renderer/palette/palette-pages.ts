import type { Route } from '../app/route';

export interface PalettePage {
  id: string;
  label: string;
  keywords: string;
  route: Exclude<Route, { page: 'not-found' | 'service' }>;
}

/** Every page the palette can jump to; grows as the app gains pages. */
export const palettePages: readonly PalettePage[] = [
  { id: 'catalog', label: 'Catalog', keywords: 'services list search', route: { page: 'catalog' } },
  {
    id: 'settings',
    label: 'Settings',
    keywords: 'platform url token embedded demo',
    route: { page: 'settings' },
  },
];

export function matchPages(search: string): PalettePage[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...palettePages];
  return palettePages.filter((page) => {
    const haystack = `${page.label} ${page.keywords}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
