import { z } from 'zod';
import { text } from '../../api/text';

/** The platform backlog (issue 4): items, team demand, the lead's order and the model weights. */

const Timestamp = z.iso.datetime({ offset: true });
const Id = text().min(1).max(100);

export const BacklogStatus = z.enum(['proposed', 'planned', 'in_progress', 'done', 'declined']);
export type BacklogStatus = z.infer<typeof BacklogStatus>;

export const RoadmapPhase = z.enum(['foundation', 'common_needs', 'advanced']);
export type RoadmapPhase = z.infer<typeof RoadmapPhase>;

export const Capability = text().min(1).max(60);

/** Fractional-index key (base62, compared byte-wise). */
export const RankKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[0-9A-Za-z]+$/);

/** The editable scalar fields; each is last-writer-wins on its own (docs/architecture.md, "Sync and push"). */
export const BacklogFields = z.object({
  title: text().trim().min(1).max(200),
  description: text().max(5000),
  capability: Capability,
  status: BacklogStatus,
  phase: RoadmapPhase,
  strategicValue: z.number().int().min(0).max(10),
  impact: z.number().min(0.25).max(3),
  confidence: z.number().int().min(0).max(100),
  effort: z.number().min(0.5).max(1000),
  timeCriticality: z.number().int().min(0).max(10),
  riskReduction: z.number().int().min(0).max(10),
});
export type BacklogFields = z.infer<typeof BacklogFields>;
export const backlogFieldNames = Object.keys(BacklogFields.shape) as (keyof BacklogFields)[];

export const BacklogItem = BacklogFields.extend({
  id: Id,
  rank: RankKey,
  /** True once a lead placed it by hand (drag or keyboard) rather than where it was created. */
  rankManual: z.boolean(),
  /** The demand set: teams that asked for it (sorted). */
  demandTeamIds: z.array(Id),
  proposedBy: Id.nullable(),
  /** When status last became `done` (the roadmap's "shipped"). */
  shippedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type BacklogItem = z.infer<typeof BacklogItem>;

export const BacklogItemCreate = BacklogFields.partial()
  .required({ title: true })
  .extend({
    /** Client-chosen UUID so an item created offline keeps its id. */
    id: z.uuid().optional(),
    /** Teams asking for it; an engineer may only name their own teams. */
    demandTeamIds: z.array(Id).max(500).default([]),
  });
export type BacklogItemCreate = z.input<typeof BacklogItemCreate>;

export const BacklogItemPatch = BacklogFields.partial().refine((p) => Object.keys(p).length > 0, {
  message: 'nothing to change',
});
export type BacklogItemPatch = z.infer<typeof BacklogItemPatch>;

export const BacklogMove = z.object({ afterId: Id.nullable(), beforeId: Id.nullable() });

export const BacklogWeights = z.object({
  id: z.literal('default'),
  demand: z.number().min(0).max(100),
  strategy: z.number().min(0).max(100),
  updatedAt: Timestamp,
});
export type BacklogWeights = z.infer<typeof BacklogWeights>;

export const BacklogWeightsPatch = BacklogWeights.pick({ demand: true, strategy: true })
  .partial()
  .refine((w) => w.demand !== undefined || w.strategy !== undefined, { message: 'nothing to change' });

export const DemandParams = z.object({ id: Id, teamId: Id });

// ---- Push mutation args (offline edits; docs/architecture.md, "Sync and push") ---------------------------------------

export const BacklogCreateArgs = BacklogItemCreate.extend({ id: z.uuid() });
export const BacklogUpdateArgs = z.object({ id: Id, patch: BacklogItemPatch });
export const BacklogDeleteArgs = z.object({ id: Id });
export const BacklogMoveArgs = BacklogMove.extend({ id: Id });
export const BacklogDemandArgs = z.object({ id: Id, teamId: Id, present: z.boolean() });
export const BacklogWeightsArgs = BacklogWeightsPatch;

// ---- Desktop views computed from the cache (IPC outputs) ------------------------------------

export const PriorityModelName = z.enum(['default', 'rice', 'wsjf']);
export const BacklogSortColumn = z.enum(['rank', 'score', 'title', 'demand', 'status', 'updatedAt']);

export const BacklogQuery = z.object({
  search: text().max(200).default(''),
  statuses: z.array(BacklogStatus).max(5).default([]),
  phases: z.array(RoadmapPhase).max(3).default([]),
  capabilities: z.array(Capability).max(100).default([]),
  model: PriorityModelName.default('default'),
  sort: z
    .object({ column: BacklogSortColumn, direction: z.enum(['asc', 'desc']) })
    .default({ column: 'rank', direction: 'asc' }),
});
export type BacklogQuery = z.input<typeof BacklogQuery>;

export const ScoreTermView = z.object({
  key: text(),
  label: text(),
  value: z.number(),
  op: z.enum(['+', '×', '÷']),
  contribution: z.number().nullable(),
});

export const BacklogRow = BacklogItem.extend({
  score: z.number(),
  band: z.enum(['P1', 'P2', 'P3']),
  /** Position by the model's score (1 = highest), next to the lead's own order. */
  modelPosition: z.number().int(),
  terms: z.array(ScoreTermView),
  formula: text(),
  demandTeamNames: z.array(text()),
  demandPeople: z.number().int(),
  linkedRequests: z.number().int(),
});
export type BacklogRow = z.infer<typeof BacklogRow>;

/** What the list carries per row: no description or breakdown, so 5,000 rows stay small over IPC. */
export const BacklogListRow = BacklogRow.omit({ description: true, terms: true, formula: true });
export type BacklogListRow = z.infer<typeof BacklogListRow>;

export const BacklogPage = z.object({
  rows: z.array(BacklogListRow),
  total: z.number().int(),
  totalAll: z.number().int(),
  weights: z.object({ demand: z.number(), strategy: z.number() }),
  capabilities: z.array(text()),
});
export type BacklogPage = z.infer<typeof BacklogPage>;

export const RoadmapView = z.object({
  phases: z.array(
    z.object({
      phase: RoadmapPhase,
      items: z.array(
        BacklogItem.pick({ id: true, title: true, status: true, capability: true, shippedAt: true }),
      ),
      shipped: z.number().int(),
      total: z.number().int(),
    }),
  ),
});
export type RoadmapView = z.infer<typeof RoadmapView>;

export const CsvExport = z.object({ filename: text(), csv: text(), rows: z.number().int() });
