import { BacklogStatus, RoadmapPhase } from '../../../shared/features/backlog/api';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { toast, useToastStore } from '../../components/ui/toast-store';
import { useBacklogStore } from './store';
import type { BacklogCall } from './undo-entry';

export type { BacklogCall, UndoEntry } from './undo-entry';

const QUOTED_MAX = 40;
// Values picked from a list read as plain words; anything typed is quoted.
const CHOICES = new Set<string>([...BacklogStatus.options, ...RoadmapPhase.options]);

/** A value as a person reads it in a sentence: `in_progress` → `in progress`, typed text quoted and shortened. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'empty';
  if (typeof value === 'number') return String(value);
  const words = String(value);
  if (CHOICES.has(words)) return words.replaceAll('_', ' ');
  return words.length > QUOTED_MAX ? `“${words.slice(0, QUOTED_MAX - 1)}…”` : `“${words}”`;
}

/** "Effort (weeks) changed from 3 to 5". */
export const describeChange = (label: string, from: unknown, to: unknown): string =>
  `${label} changed from ${shownValue(from)} to ${shownValue(to)}`;

let nextId = 1;

async function send(call: BacklogCall): Promise<void> {
  // Each branch names its command so the input is checked against that command's type.
  switch (call.command) {
    case 'backlog:update':
      return void unwrap(await pave().invoke(call.command, call.input));
    case 'backlog:setWeights':
      return void unwrap(await pave().invoke(call.command, call.input));
    case 'backlog:demand':
      return void unwrap(await pave().invoke(call.command, call.input));
    case 'backlog:move':
      return void unwrap(await pave().invoke(call.command, call.input));
    case 'backlog:delete':
      return void unwrap(await pave().invoke(call.command, call.input));
  }
}

/**
 * Remembers how to take back a change the backend just took, and says so in a toast with an
 * Undo button.
 */
export function rememberChange(description: string, undo: BacklogCall): void {
  const id = nextId++;
  const toastId = toast({
    title: description,
    action: { label: 'Undo', run: () => void undoChange(id) },
  });
  useBacklogStore.getState().pushUndo({ id, description, undo, toastId });
}

/**
 * Runs a change, then remembers it (rememberChange). A refusal is thrown to the caller (the field
 * shows it) and nothing is remembered, since nothing changed.
 */
export async function changeWithUndo(
  description: string,
  run: () => Promise<unknown>,
  undo: BacklogCall,
): Promise<void> {
  await run();
  rememberChange(description, undo);
}

/**
 * Takes back one change (the newest when no id is given: Ctrl/Cmd+Z). The previous value is sent
 * like any edit, so it is applied to the cache at once and synced through the outbox. Returns
 * false when there was nothing to undo.
 */
export async function undoChange(id?: number): Promise<boolean> {
  const entry = useBacklogStore.getState().takeUndo(id);
  if (!entry) return false;
  if (entry.toastId !== undefined) useToastStore.getState().dismiss(entry.toastId);
  try {
    await send(entry.undo);
    toast({ title: `Undone: ${entry.description}` });
  } catch (err) {
    toast({ title: 'Could not undo the change', description: errorMessage(err).message, tone: 'danger' });
  }
  return true;
}

/** Ctrl/Cmd+Z belongs to the browser while typing, so text fields keep their own undo. */
export function isUndoKey(event: KeyboardEvent): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return false;
  if (event.key.toLowerCase() !== 'z') return false;
  const target = event.target as HTMLElement | null;
  if (!target) return true;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return false;
  if (target.tagName === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return type === 'checkbox' || type === 'radio' || type === 'button';
  }
  return true;
}
