import { create } from 'zustand';

export type ToastAction = { label: string; run(): void };
export type Toast = {
  id: number;
  title: string;
  description?: string;
  tone?: 'neutral' | 'danger';
  action?: ToastAction;
  /** Milliseconds on screen; an undo offer stays long enough to be read and used. */
  duration: number;
};

type ToastState = { toasts: Toast[]; dismiss(id: number): void };

let nextId = 1;

export const useToastStore = create<ToastState>((set) => ({
  toasts: [],
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
}));

/**
 * Says something happened, away from where the user is working ("Effort changed · Undo"). At most
 * three are shown; the oldest gives way. Returns the toast's id so a caller can dismiss it early.
 */
export function toast(input: Omit<Toast, 'id' | 'duration'> & { duration?: number }): number {
  const id = nextId++;
  const duration = input.duration ?? (input.action ? 8000 : 5000);
  useToastStore.setState((state) => ({ toasts: [...state.toasts, { ...input, id, duration }].slice(-3) }));
  return id;
}
