import type { BacklogFields } from '../../../shared/features/backlog/api';
import { initialRanks } from '../../../shared/domain/fractional-rank';
import type { DemoSeed } from '../../platform/server-feature';
import { createPicker } from '../../../shared/domain/seeded-random';
import type { Tx } from '../../db/transaction';
import { createItem } from './store';

/**
 * The demo organization's platform backlog: ~30 plausible items across the roadmap phases and team
 * demand from the demo teams. Deterministic for a seed; written through the same functions the API
 * uses.
 */

type Spec = [
  title: string,
  capability: string,
  phase: BacklogFields['phase'],
  status: BacklogFields['status'],
];

const ITEMS: Spec[] = [
  ['Self-service CI pipelines', 'ci-cd', 'foundation', 'done'],
  ['One-click deploys', 'deployment', 'foundation', 'done'],
  ['Automatic rollbacks on failed health checks', 'deployment', 'foundation', 'in_progress'],
  ['Core observability: logs, metrics, traces', 'observability', 'foundation', 'done'],
  ['Default dashboards per service', 'observability', 'foundation', 'in_progress'],
  ['Alert routing to team on-call', 'observability', 'foundation', 'planned'],
  ['Build cache for monorepo CI', 'ci-cd', 'foundation', 'planned'],
  ['Preview environments per pull request', 'deployment', 'foundation', 'proposed'],
  ['Golden-path service templates', 'templates', 'common_needs', 'done'],
  ['Template for event consumers', 'templates', 'common_needs', 'planned'],
  ['Database provisioning in one click', 'databases', 'common_needs', 'in_progress'],
  ['Automated database backups and restore drills', 'databases', 'common_needs', 'planned'],
  ['Read replicas on demand', 'databases', 'common_needs', 'proposed'],
  ['Secrets management with rotation', 'secrets', 'common_needs', 'in_progress'],
  ['Secret scanning in every deploy', 'secrets', 'common_needs', 'done'],
  ['Managed Redis caches', 'caches', 'common_needs', 'planned'],
  ['Managed queues with dead-letter handling', 'queues', 'common_needs', 'proposed'],
  ['Service ownership and on-call in the catalog', 'catalog', 'common_needs', 'done'],
  ['Scorecards for production readiness', 'catalog', 'common_needs', 'proposed'],
  ['Feature flags with gradual rollout', 'feature-flags', 'advanced', 'planned'],
  ['Canary deployments with automatic analysis', 'deployment', 'advanced', 'proposed'],
  ['Cost management per team', 'cost', 'advanced', 'proposed'],
  ['Idle environment shutdown', 'cost', 'advanced', 'proposed'],
  ['SLO tracking and error budgets', 'observability', 'advanced', 'proposed'],
  ['Chaos experiments in staging', 'reliability', 'advanced', 'declined'],
  ['Multi-region failover', 'reliability', 'advanced', 'proposed'],
  ['Developer portal search across docs', 'docs', 'common_needs', 'planned'],
  ['Runbook templates linked from alerts', 'docs', 'common_needs', 'proposed'],
  ['Dependency update bot', 'ci-cd', 'advanced', 'proposed'],
  ['Kubernetes runtime for services', 'runtime', 'advanced', 'proposed'],
];

/** The id of the demo backlog's `index`-th item (0-based), for demo data that links to it. */
export const demoItemId = (index: number): string => `item-${String(index + 1).padStart(2, '0')}`;

export async function seedDemoBacklog(tx: Tx, { seed, directory }: DemoSeed): Promise<void> {
  const teamIds = directory.teams.map((team) => team.id);
  const at = directory.teams[0]?.at ?? new Date().toISOString();
  const rng = createPicker(seed ^ 0x4b1d);
  const lead = directory.users.find((user) => user.input.role === 'lead');
  if (!lead || teamIds.length === 0) return;
  const leadActor = { userId: lead.id, role: 'lead' as const, teamIds: [...lead.input.teamIds] };
  const ranks = initialRanks(ITEMS.length);
  for (const [index, [title, capability, phase, status]] of ITEMS.entries()) {
    const id = demoItemId(index);
    await createItem(
      tx,
      leadActor,
      {
        title,
        capability,
        phase,
        status,
        description: `${title}. Requested through platform office hours and support.`,
        strategicValue: rng.int(2, 10),
        impact: rng.pick([0.5, 1, 1, 2, 2, 3]),
        confidence: rng.pick([50, 80, 80, 100]),
        effort: rng.pick([1, 2, 3, 5, 8, 13]),
        timeCriticality: rng.int(0, 8),
        riskReduction: rng.int(0, 8),
        demandTeamIds: rng.sample(teamIds, rng.int(0, Math.min(7, teamIds.length))).sort(),
      },
      { at, rank: ranks[index] ?? '', id },
    );
  }
}
