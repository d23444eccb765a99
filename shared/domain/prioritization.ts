/**
 * Backlog prioritization models (docs/architecture.md, "Numbers"): pure, explainable, golden-tested.
 *
 * - default: demand and strategic value, each on a 0–10 scale, combined with visible weights:
 *     demand points = 10 × (people in requesting teams) ÷ (most people behind any item in the backlog)
 *     score = (w_demand × demand points + w_strategy × strategic value) ÷ (w_demand + w_strategy)
 *   Team demand is weighted by team size: a request from a 40-person team counts four times one from 10.
 * - RICE (Intercom): reach × impact × confidence ÷ effort, with reach = people in requesting teams.
 * - WSJF (SAFe): (business value + time criticality + risk reduction) ÷ job size, with business value =
 *   strategic value and job size = effort.
 *
 * Bands come from score percentiles within the scored set: the top 20 % of positions are P1, the next
 * 30 % P2, the rest P3 (items tied on score share the best position of their group); a score of 0 is
 * always P3. Percentiles rather than fixed thresholds, because the three models have different scales.
 */

export type PriorityModel = 'default' | 'rice' | 'wsjf';
export type PriorityBand = 'P1' | 'P2' | 'P3';

export interface DefaultWeights {
  demand: number;
  strategy: number;
}

export const DEFAULT_WEIGHTS: DefaultWeights = { demand: 0.6, strategy: 0.4 };

export interface PriorityInput {
  id: string;
  /** Sizes (head count) of the teams in the item's demand set. */
  demandTeamSizes: readonly number[];
  /** 0–10. */
  strategicValue: number;
  /** RICE impact: 0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive. */
  impact: number;
  /** 0–100 (%). */
  confidence: number;
  /** Person-weeks, > 0. */
  effort: number;
  /** 0–10. */
  timeCriticality: number;
  /** 0–10. */
  riskReduction: number;
}

export interface ScoreTerm {
  key: string;
  label: string;
  /** The input as the model sees it (e.g. demand points, reach in people). */
  value: number;
  /** How it combines: added (with its contribution to the score), or a factor/divisor. */
  op: '+' | '×' | '÷';
  /** Share of the score for additive terms; null for factors. */
  contribution: number | null;
}

export interface ScoredItem {
  id: string;
  score: number;
  band: PriorityBand;
  /** 1-based position by score (ties share a position). */
  position: number;
  terms: ScoreTerm[];
  /** One line: how the score was computed. */
  formula: string;
}

const round = (n: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export const demandPeople = (item: Pick<PriorityInput, 'demandTeamSizes'>): number =>
  item.demandTeamSizes.reduce((sum, size) => sum + Math.max(0, size), 0);

function scoreDefault(item: PriorityInput, maxPeople: number, weights: DefaultWeights) {
  const people = demandPeople(item);
  const demandPoints = maxPeople > 0 ? (10 * people) / maxPeople : 0;
  const total = weights.demand + weights.strategy;
  const wd = total > 0 ? weights.demand / total : 0;
  const ws = total > 0 ? weights.strategy / total : 0;
  const demandPart = wd * demandPoints;
  const strategyPart = ws * item.strategicValue;
  const score = demandPart + strategyPart;
  const terms: ScoreTerm[] = [
    {
      key: 'demand',
      label: `Demand (${item.demandTeamSizes.length} teams, ${people} people)`,
      value: round(demandPoints),
      op: '+',
      contribution: round(demandPart),
    },
    {
      key: 'strategy',
      label: 'Strategic value',
      value: item.strategicValue,
      op: '+',
      contribution: round(strategyPart),
    },
  ];
  const formula = `${round(wd)} × demand ${round(demandPoints)} + ${round(ws)} × strategy ${item.strategicValue} = ${round(score)}`;
  return { score, terms, formula };
}

function scoreRice(item: PriorityInput) {
  const reach = demandPeople(item);
  const confidence = item.confidence / 100;
  const score = item.effort > 0 ? (reach * item.impact * confidence) / item.effort : 0;
  const terms: ScoreTerm[] = [
    { key: 'reach', label: 'Reach (people in requesting teams)', value: reach, op: '×', contribution: null },
    { key: 'impact', label: 'Impact', value: item.impact, op: '×', contribution: null },
    { key: 'confidence', label: 'Confidence', value: confidence, op: '×', contribution: null },
    { key: 'effort', label: 'Effort (person-weeks)', value: item.effort, op: '÷', contribution: null },
  ];
  const formula = `${reach} × ${item.impact} × ${round(confidence)} ÷ ${item.effort} = ${round(score)}`;
  return { score, terms, formula };
}

function scoreWsjf(item: PriorityInput) {
  const size = item.effort;
  const part = (v: number) => (size > 0 ? v / size : 0);
  const score = part(item.strategicValue + item.timeCriticality + item.riskReduction);
  const terms: ScoreTerm[] = [
    {
      key: 'businessValue',
      label: 'Business value',
      value: item.strategicValue,
      op: '+',
      contribution: round(part(item.strategicValue)),
    },
    {
      key: 'timeCriticality',
      label: 'Time criticality',
      value: item.timeCriticality,
      op: '+',
      contribution: round(part(item.timeCriticality)),
    },
    {
      key: 'riskReduction',
      label: 'Risk reduction',
      value: item.riskReduction,
      op: '+',
      contribution: round(part(item.riskReduction)),
    },
    { key: 'jobSize', label: 'Job size (effort)', value: size, op: '÷', contribution: null },
  ];
  const formula = `(${item.strategicValue} + ${item.timeCriticality} + ${item.riskReduction}) ÷ ${size} = ${round(score)}`;
  return { score, terms, formula };
}

/** Band for the item at 0-based `index` (by score, ties at their group's first index) of `n`. */
export function bandFor(index: number, n: number, score: number): PriorityBand {
  if (score <= 0 || n === 0) return 'P3';
  if (index < Math.ceil(0.2 * n)) return 'P1';
  if (index < Math.ceil(0.5 * n)) return 'P2';
  return 'P3';
}

/** Scores every item with `model`; the result is in input order. */
export function scoreBacklog(
  items: readonly PriorityInput[],
  model: PriorityModel,
  weights: DefaultWeights = DEFAULT_WEIGHTS,
): ScoredItem[] {
  const maxPeople = items.reduce((max, item) => Math.max(max, demandPeople(item)), 0);
  const raw = items.map((item) => {
    const r =
      model === 'rice'
        ? scoreRice(item)
        : model === 'wsjf'
          ? scoreWsjf(item)
          : scoreDefault(item, maxPeople, weights);
    return { id: item.id, ...r, score: round(r.score, 4) };
  });
  const byScore = [...raw].sort((a, b) => b.score - a.score);
  const firstIndexOf = new Map<number, number>();
  byScore.forEach((r, i) => {
    if (!firstIndexOf.has(r.score)) firstIndexOf.set(r.score, i);
  });
  return raw.map((r) => {
    const index = firstIndexOf.get(r.score) ?? 0;
    return { ...r, score: round(r.score), position: index + 1, band: bandFor(index, raw.length, r.score) };
  });
}
