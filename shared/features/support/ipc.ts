import { z } from 'zod';
import { text } from '../../api/text';
import { Enqueued } from '../../ipc/contract';
import { SupportPage, SupportQuery, SupportRequestCreate, SupportRow } from './api';

/** Most rows one `support:list` answers: the table asks per window, never for every request. */
export const SUPPORT_WINDOW_MAX = 500;
export const SUPPORT_WINDOW_DEFAULT = 100;

/**
 * The list's filters and sort plus the window of matching rows to return, in sort order
 * (issue 12: no answer grows with the size of the organization).
 */
export const SupportListQuery = SupportQuery.extend({
  /** Rows skipped; none when left out. */
  offset: z.number().int().min(0).max(10_000_000).optional(),
  /** Rows answered at most; SUPPORT_WINDOW_DEFAULT when left out. */
  limit: z.number().int().min(1).max(SUPPORT_WINDOW_MAX).optional(),
});
export type SupportListQuery = z.input<typeof SupportListQuery>;

/**
 * One window: matching rows `offset` … `offset + rows.length - 1`; `total` counts every match.
 * `capabilities` and `load` come with the first window (offset 0) only, and are empty in the others.
 */
export const SupportListPage = SupportPage.extend({ offset: z.number().int() });
export type SupportListPage = z.infer<typeof SupportListPage>;

export const supportCommands = {
  'support:list': { input: SupportListQuery, output: SupportListPage },
  /** One request with its SLA clock (the open request may lie outside the windows on screen). */
  'support:get': { input: z.object({ id: text().min(1).max(100) }), output: SupportRow.nullable() },
  'support:create': { input: SupportRequestCreate, output: Enqueued.extend({ id: text() }) },
  'support:reply': {
    input: z.object({ id: text().min(1).max(100), body: text().trim().min(1).max(10000) }),
    output: Enqueued,
  },
  'support:escalate': { input: z.object({ id: text().min(1).max(100) }), output: Enqueued },
  'support:resolve': {
    input: z.object({ id: text().min(1).max(100), resolution: text().trim().min(1).max(5000) }),
    output: Enqueued,
  },
  'support:link': {
    input: z.object({ id: text().min(1).max(100), itemId: text().min(1).max(100) }),
    output: Enqueued,
  },
  /** Turns a request into a new backlog item (and links it); answers the new item's id. */
  'support:promote': {
    input: z.object({ id: text().min(1).max(100), title: text().trim().min(1).max(200).optional() }),
    output: Enqueued.extend({ itemId: text() }),
  },
} as const;
