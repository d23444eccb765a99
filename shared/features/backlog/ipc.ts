import { z } from 'zod';
import { text } from '../../api/text';
import { Empty, Enqueued } from '../../ipc/contract';
import {
  BacklogDeleteArgs,
  BacklogDemandArgs,
  BacklogItemCreate,
  BacklogMoveArgs,
  BacklogPage,
  BacklogQuery,
  BacklogRow,
  BacklogUpdateArgs,
  BacklogWeightsArgs,
  CsvExport,
  PriorityModelName,
  RoadmapView,
} from './api';

/** Most rows one windowed `backlog:list` answers: the table asks per window of visible rows. */
export const BACKLOG_WINDOW_MAX = 500;

/**
 * The list's filters, model and sort plus, optionally, the window of matching rows to return
 * (issue 12: the table's answers do not grow with the backlog). Without `limit` every match is
 * returned: the roadmap draws every item.
 */
export const BacklogListQuery = BacklogQuery.extend({
  /** Rows skipped; none when left out. */
  offset: z.number().int().min(0).max(10_000_000).optional(),
  /** Rows answered at most; every remaining match when left out. */
  limit: z.number().int().min(1).max(BACKLOG_WINDOW_MAX).optional(),
  /** An item whose place in this order the answer should say (to scroll to it). */
  locate: text().min(1).max(100).optional(),
});
export type BacklogListQuery = z.input<typeof BacklogListQuery>;

/**
 * One window: matching rows `offset` … `offset + rows.length - 1`; `total` counts every match;
 * `located` is the place of the `locate` item in the whole order, null when it does not match.
 */
export const BacklogListPage = BacklogPage.extend({
  offset: z.number().int(),
  located: z.number().int().nullable(),
});
export type BacklogListPage = z.infer<typeof BacklogListPage>;

export const backlogCommands = {
  /** Backlog (issue 4): reads from the cache; every edit is queued offline-first as a backlog.* mutation. */
  'backlog:list': { input: BacklogListQuery, output: BacklogListPage },
  /** One item with its "why this rank" breakdown under `model`. */
  'backlog:get': {
    input: z.object({ id: text().min(1).max(100), model: PriorityModelName.default('default') }),
    output: BacklogRow.nullable(),
  },
  'backlog:create': { input: BacklogItemCreate, output: Enqueued.extend({ id: text() }) },
  'backlog:update': { input: BacklogUpdateArgs, output: Enqueued },
  'backlog:delete': { input: BacklogDeleteArgs, output: Enqueued },
  /** "Move X between A and B" (keyboard or drag); the platform recomputes the key if they moved. */
  'backlog:move': { input: BacklogMoveArgs, output: Enqueued },
  'backlog:demand': { input: BacklogDemandArgs, output: Enqueued },
  'backlog:setWeights': { input: BacklogWeightsArgs, output: Enqueued },
  /** The filtered, sorted backlog as CSV text (the renderer offers it as a download). */
  'backlog:exportCsv': { input: BacklogQuery, output: CsvExport },
  'roadmap:get': { input: Empty, output: RoadmapView },
} as const;
