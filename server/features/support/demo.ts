import type { SupportKind, SupportTier } from '../../../shared/domain/support-sla';
import type { Tx } from '../../db/transaction';
import type { DemoSeed } from '../../platform/server-feature';
import { demoItemId } from '../backlog/public';
import { createRequest, linkRequest, replyToRequest } from './store';

const REQUESTS: [title: string, capability: string, tier: SupportTier, kind: SupportKind, item?: number][] = [
  ['How do I rotate the database password for checkout?', 'secrets', 'community', 'question', 13],
  ['Deploy to production stuck at health check', 'deployment', 'direct', 'production', 2],
  ['Cannot create a new service from the worker template', 'templates', 'community', 'blocking'],
  ['Where are the logs for batch jobs?', 'observability', 'documentation', 'question'],
  ['Secret rotation broke our staging environment', 'secrets', 'community', 'blocking', 13],
  ['How do I add a read replica?', 'databases', 'community', 'question', 12],
];

/**
 * A few demo support requests, some answered, some linked to the backlog item they ask for. Dated
 * relative to seeding time; written through the same functions the API uses.
 */
export async function seedDemoRequests(tx: Tx, { directory, now }: DemoSeed): Promise<void> {
  const users = directory.users;
  const lead = users.find((user) => user.input.role === 'lead');
  if (!lead || directory.teams.length === 0) return;
  const leadActor = { userId: lead.id, role: 'lead' as const, teamIds: [...lead.input.teamIds] };
  for (const [index, [title, capability, tier, kind, item]] of REQUESTS.entries()) {
    const requester = users[(index * 5 + 1) % users.length] ?? lead;
    const actor = { userId: requester.id, role: 'engineer' as const, teamIds: [...requester.input.teamIds] };
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
    if (item !== undefined) await linkRequest(tx, leadActor, id, demoItemId(item));
  }
}
