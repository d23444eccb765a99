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

export const backlogCommands = {
  /** Backlog (issue 4): reads from the cache; every edit is queued offline-first as a backlog.* mutation. */
  'backlog:list': { input: BacklogQuery, output: BacklogPage },
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
