import type { IpcInput } from '../../../shared/contract';

/** The backlog commands whose effect another call of the same kind can take back. */
type UndoableCommand =
  'backlog:update' | 'backlog:setWeights' | 'backlog:demand' | 'backlog:move' | 'backlog:delete';

/** One IPC call as data, so the undo stack holds what to send, not a closure over old renders. */
export type BacklogCall = { [C in UndoableCommand]: { command: C; input: IpcInput<C> } }[UndoableCommand];

export interface UndoEntry {
  id: number;
  /** "Effort (weeks) changed from 3 to 5": the toast's words, and what "Undone" refers to. */
  description: string;
  /** The call that puts the previous state back, through the same outbox path as any edit. */
  undo: BacklogCall;
  /** The toast offering this undo, closed once it is used. */
  toastId?: number;
}
