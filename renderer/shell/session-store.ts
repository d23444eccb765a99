import { create } from 'zustand';

/** Set when the backend answers 401: the browser-mode session cookie is gone. */
export const useSessionStore = create<{ expired: boolean; expire(): void }>()((set) => ({
  expired: false,
  expire: () => set({ expired: true }),
}));
