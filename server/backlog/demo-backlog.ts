import type { BacklogFields } from '../../shared/features/backlog/api';
import type { SupportKind, SupportTier } from '../../shared/domain/support-sla';
import { initialRanks } from '../../shared/domain/fractional-rank';
import { createPicker } from '../seed/prng';
import type { Tx } from '../db/transaction';
import { createItem } from './items';
import { createRequest, linkRequest, replyToRequest } from '../support/requests';

/**
 * The demo organization's platform backlog: ~30 plausible items across the roadmap phases, team
 * demand from the demo teams, and a few support requests (one linked to the item it asks for).
 * Deterministic for a seed (support requests are dated relative to seeding time); written through the same functions the API uses.
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

const REQUESTS: [title: string, capability: string, tier: SupportTier, kind: SupportKind, item?: number][] = [
  ['How do I rotate the database password for checkout?', 'secrets', 'community', 'question', 13],
  ['Deploy to production stuck at health check', 'deployment', 'direct', 'production', 2],
  ['Cannot create a new service from the worker template', 'templates', 'community', 'blocking'],
  ['Where are the logs for batch jobs?', 'observability', 'documentation', 'question'],
  ['Secret rotation broke our staging environment', 'secrets', 'community', 'blocking', 13],
  ['How do I add a read replica?', 'databases', 'community', 'question', 12],
];

export async function seedDemoBacklog(
  tx: Tx,
  teamIds: readonly string[],
  users: readonly { id: string; role: string; teamIds: readonly string[] }[],
  seed: number,
  at: string,
  now: string = new Date().toISOString(),
): Promise<void> {
  const rng = createPicker(seed ^ 0x4b1d);
  const lead = users.find((u) => u.role === 'lead');
  if (!lead || teamIds.length === 0) return;
  const leadActor = { userId: lead.id, role: 'lead' as const, teamIds: [...lead.teamIds] };
  const ranks = initialRanks(ITEMS.length);
  const itemIds: string[] = [];
  for (const [index, [title, capability, phase, status]] of ITEMS.entries()) {
    const id = `item-${String(index + 1).padStart(2, '0')}`;
    itemIds.push(id);
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
  for (const [index, [title, capability, tier, kind, item]] of REQUESTS.entries()) {
    const requester = users[(index * 5 + 1) % users.length] ?? lead;
    const actor = { userId: requester.id, role: 'engineer' as const, teamIds: [...requester.teamIds] };
    const id = `support-${String(index + 1).padStart(2, '0')}`;
    // Relative to seeding time, so the demo's SLA clocks are live (on track, at risk, breached).
    const filed = new Date(Date.parse(now) - (index + 1) * 55 * 60_000).toISOString();
    await createRequest(tx, actor, { title, body: title, tier, kind, capability }, { at: filed, id });
    if (index % 2 === 0) {
      await replyToRequest(
        tx,
        leadActor,
        id,
        { body: 'Looking into it — thanks for the report.' },
        { at: now, replyId: `00000000-0000-4000-8000-00000000000${index}` },
      );
    }
    const itemId = item === undefined ? undefined : itemIds[item];
    if (itemId) await linkRequest(tx, leadActor, id, itemId);
  }
}
