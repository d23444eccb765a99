import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Href } from '../router/route-path';

/** A record the user opened lately (a service), offered first in the palette. */
export interface RecentItem {
  id: string;
  title: string;
  href: Href;
}

const RECENT_LIMIT = 5;

interface PaletteState {
  open: boolean;
  setOpen(open: boolean): void;
  recent: readonly RecentItem[];
  remember(item: RecentItem): void;
}

/** Open state for the shortcut; recent services kept across restarts (localStorage: ids and names only). */
export const usePaletteStore = create<PaletteState>()(
  persist(
    (set) => ({
      open: false,
      setOpen: (open) => set({ open }),
      recent: [],
      remember: (item) =>
        set((state) => ({
          recent: [item, ...state.recent.filter((other) => other.id !== item.id)].slice(0, RECENT_LIMIT),
        })),
    }),
    { name: 'pave.palette', partialize: (state) => ({ recent: state.recent }) },
  ),
);
