import type { z } from 'zod';
import type { BacklogFields, BacklogItem, BacklogItemCreate } from './api';

/** What a new backlog item holds where its creator left a field out. */
export const backlogItemDefaults: Omit<BacklogFields, 'title'> = {
  description: '',
  capability: 'general',
  status: 'proposed',
  phase: 'common_needs',
  strategicValue: 5,
  impact: 1,
  confidence: 50,
  effort: 4,
  timeCriticality: 3,
  riskReduction: 3,
};

/**
 * A new item as the platform stores it and as the desktop shows it optimistically while
 * `backlog.create` waits in the outbox: one function, so the two never disagree on a default.
 */
export function newBacklogItem(
  input: Omit<z.output<typeof BacklogItemCreate>, 'id' | 'demandTeamIds'>,
  placed: {
    id: string;
    rank: string;
    at: string;
    proposedBy: string | null;
    demandTeamIds: readonly string[];
  },
): BacklogItem {
  const fields: BacklogFields = { ...backlogItemDefaults, title: input.title };
  for (const key of Object.keys(backlogItemDefaults) as (keyof typeof backlogItemDefaults)[]) {
    const value = input[key];
    if (value !== undefined) Object.assign(fields, { [key]: value });
  }
  return {
    id: placed.id,
    ...fields,
    rank: placed.rank,
    rankManual: false,
    demandTeamIds: [...new Set(placed.demandTeamIds)].sort(),
    proposedBy: placed.proposedBy,
    shippedAt: fields.status === 'done' ? placed.at : null,
    createdAt: placed.at,
    updatedAt: placed.at,
  };
}
