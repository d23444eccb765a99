import { z } from 'zod';
import { text } from '../../api/text';
import { DEFAULT_MIN_GROUP_SIZE, MIN_MIN_GROUP_SIZE } from '../../domain/anonymity';
import { DEVEX_DRIVERS } from '../../domain/devex';

/**
 * Surveys (issue 5). Survey definitions sync to every client as the `survey` entity; individual
 * responses never leave the server — clients get `SurveyResults`, aggregates that the server has
 * already passed through the anonymity rules (shared/domain/anonymity.ts).
 */

const Id = text().min(1).max(100);
const Timestamp = z.iso.datetime({ offset: true });
export const Prompt = text().trim().min(1).max(500);

export const DevexDriver = z.enum(DEVEX_DRIVERS);

const QuestionBase = z.object({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_-]+$/, 'must use lowercase letters, digits, - and _'),
  prompt: Prompt,
  required: z.boolean().default(false),
});

export const ChoiceOption = z.object({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_-]+$/),
  label: text().trim().min(1).max(200),
});

export const Question = z.discriminatedUnion('type', [
  QuestionBase.extend({ type: z.literal('nps') }),
  QuestionBase.extend({
    type: z.literal('likert'),
    /** The platform capability this item rates (quarterly template), if any. */
    capability: text().max(100).nullable().default(null),
    /** Set on DevEx driver items; their answers feed the driver scores. */
    driver: DevexDriver.nullable().default(null),
  }),
  QuestionBase.extend({ type: z.literal('single_choice'), options: z.array(ChoiceOption).min(2).max(20) }),
  QuestionBase.extend({ type: z.literal('multiple_choice'), options: z.array(ChoiceOption).min(2).max(20) }),
  QuestionBase.extend({ type: z.literal('free_text') }),
]);
export type Question = z.output<typeof Question>;
export type QuestionInput = z.input<typeof Question>;

export const SurveyStatus = z.enum(['draft', 'published']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const Survey = z.object({
  id: Id,
  title: text().min(1).max(200),
  description: text().max(2000),
  kind: z.enum(['quarterly', 'custom']),
  /** e.g. "2025-Q3" for the quarterly survey; the trend across quarters follows it. */
  quarter: text().nullable(),
  status: SurveyStatus,
  questions: z.array(Question),
  /** Empty = all engineers. */
  audienceTeamIds: z.array(Id),
  opensAt: Timestamp,
  closesAt: Timestamp,
  anonymous: z.boolean(),
  minGroupSize: z.number().int().min(MIN_MIN_GROUP_SIZE),
  createdBy: text().nullable(),
  publishedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Survey = z.infer<typeof Survey>;

export const Quarter = text().regex(/^\d{4}-Q[1-4]$/, 'must look like 2025-Q3');

const SurveyFields = z.object({
  title: text().trim().min(1).max(200),
  description: text().max(2000).default(''),
  quarter: Quarter.nullable().default(null),
  audienceTeamIds: z.array(Id).max(500).default([]),
  opensAt: Timestamp,
  closesAt: Timestamp,
  /**
   * Responses are always stored without identity; `false` is refused until identified surveys
   * exist, rather than promising something the storage does not do.
   */
  anonymous: z.literal(true).default(true),
  minGroupSize: z.number().int().min(MIN_MIN_GROUP_SIZE).max(1000).default(DEFAULT_MIN_GROUP_SIZE),
});

const uniqueIds = (questions: { id: string }[]) =>
  new Set(questions.map((q) => q.id)).size === questions.length;

/**
 * A new draft. `id` is a client UUID so a draft made offline keeps its identity when it syncs.
 * Either `template: 'quarterly'` (questions generated from `capabilities`) or `questions`.
 */
export const SurveyCreate = SurveyFields.extend({
  id: z.uuid().optional(),
  template: z.enum(['quarterly', 'none']).default('none'),
  capabilities: z.array(text().trim().min(1).max(100)).max(30).default([]),
  questions: z.array(Question).max(100).default([]),
})
  .refine((s) => Date.parse(s.closesAt) > Date.parse(s.opensAt), {
    path: ['closesAt'],
    message: 'must be after the opening day',
  })
  .refine((s) => uniqueIds(s.questions), 'question ids must be unique')
  .refine(
    (s) => s.template === 'quarterly' || s.questions.length > 0,
    'a survey from scratch needs at least one question',
  );
export type SurveyCreate = z.input<typeof SurveyCreate>;

/** Edits a draft (a published survey is fixed: its answers must mean what they meant). */
export const SurveyPatch = SurveyFields.partial()
  .extend({ questions: z.array(Question).min(1).max(100).optional() })
  .refine((s) => !s.questions || uniqueIds(s.questions), 'question ids must be unique');
export type SurveyPatch = z.input<typeof SurveyPatch>;

/** An answer: 0–10 (NPS) or 1–5 (Likert) as a number, an option id, option ids, or text. */
export const AnswerValue = z.union([
  z.number().int().min(0).max(10),
  text().max(4000),
  z.array(text().max(40)).max(20),
]);
export const SurveyAnswers = z.record(text().max(40), AnswerValue);
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export const SurveyResponseCreate = z.object({
  /** The client's UUID for this response: the idempotency identity of the `survey.answer` intent. */
  responseId: z.uuid(),
  answers: SurveyAnswers,
});
export type SurveyResponseCreate = z.infer<typeof SurveyResponseCreate>;

export const SurveyErrorCode = {
  closed: 'survey_closed',
  notOpen: 'survey_not_open',
  alreadyAnswered: 'already_answered',
  notInAudience: 'not_in_audience',
  notDraft: 'survey_not_draft',
} as const;

// ---- Results -----------------------------------------------------------------------------

const Share = z.number().min(0).max(1);

export const NpsResultShape = z.object({
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  n: z.number().int(),
  nps: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  method: z.enum(['wald', 'adjusted-wald']).nullable(),
});

export const LikertShape = z.object({
  n: z.number().int(),
  counts: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
  shares: z.tuple([Share, Share, Share, Share, Share]),
  mean: z.number().nullable(),
  favorable: Share.nullable(),
});

export const QuestionResult = z.object({
  questionId: text(),
  type: z.enum(['nps', 'likert', 'single_choice', 'multiple_choice', 'free_text']),
  prompt: text(),
  answered: z.number().int(),
  nps: NpsResultShape.optional(),
  likert: LikertShape.optional(),
  choices: z
    .array(z.object({ optionId: text(), label: text(), count: z.number().int(), share: Share }))
    .optional(),
  /** Shown only when the group has ≥ k respondents; in random (not arrival) order. */
  comments: z.array(text()).optional(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const DevexScoreShape = z.object({
  driver: DevexDriver,
  n: z.number().int(),
  score: z.number().nullable(),
  favorable: Share.nullable(),
});

export const GroupResult = z.object({
  respondents: z.number().int(),
  questions: z.array(QuestionResult),
  devex: z.array(DevexScoreShape),
});
export type GroupResult = z.infer<typeof GroupResult>;

export const TeamBreakdown = z.object({
  /** null = respondents in no team of the audience. */
  teamId: text().nullable(),
  teamName: text(),
  audience: z.number().int(),
  respondents: z.number().int(),
  responseRate: Share.nullable(),
  visible: z.boolean(),
  hiddenReason: z.enum(['too_few_respondents', 'complementary']).nullable(),
  result: GroupResult.nullable(),
});
export type TeamBreakdown = z.infer<typeof TeamBreakdown>;

export const TrendPoint = z.object({
  surveyId: text(),
  title: text(),
  quarter: text().nullable(),
  closesAt: Timestamp,
  nps: NpsResultShape,
  /** Against the previous point; null for the first. */
  comparison: z
    .object({ difference: z.number(), z: z.number(), pValue: z.number(), significant: z.boolean() })
    .nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const SurveyResults = z.object({
  surveyId: text(),
  computedAt: Timestamp,
  minGroupSize: z.number().int(),
  respondents: z.number().int(),
  audience: z.number().int(),
  /** True while fewer than k people answered, or while it collects: no aggregate at all is shown then. */
  suppressed: z.boolean(),
  /**
   * `collecting`: the survey is still open, so nothing is released — `respondents` is rounded down
   * to a multiple of k, `teams` is empty and `overall` null; results are released once, when it
   * closes (shared/domain/anonymity.ts, `releaseOf`). Cached results from before the rule were
   * released ones.
   */
  release: z.enum(['collecting', 'released']).default('released'),
  overall: GroupResult.nullable(),
  teams: z.array(TeamBreakdown),
  trend: z.array(TrendPoint),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

/** The caller's own state: which surveys they have answered (from receipts, never from responses). */
export const MySurveys = z.object({ answeredSurveyIds: z.array(text()) });
