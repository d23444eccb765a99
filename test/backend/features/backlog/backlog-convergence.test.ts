import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBacklogHandlers } from '../../../../electron/backend/features/backlog/handlers';
import { BacklogItem, BacklogQuery } from '../../../../shared/features/backlog/api';
import { compareRanked } from '../../../../shared/domain/fractional-rank';
import { apiClient } from '../../../server/api-client';
import { startDesktopClient } from '../../desktop-client';
import { featureContext } from '../../feature-context';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';

/**
 * Offline edits from several desktop clients — field edits, moves, demand add/remove, deletes —
 * made while disconnected, then pushed in a random arrival order against the REAL platform and the
 * REAL client outbox + rebase. Property: afterwards every client's cache equals the server's state
 * (same items, same field values, same demand sets, same order), and the merge rules hold.
 */

let platform: TestPlatform;
let dir: string;
const leadTokens: string[] = [];
const teamIds: string[] = [];
let lead: ReturnType<typeof apiClient>;

beforeAll(async () => {
  platform = await startTestPlatform();
  dir = mkdtempSync(join(tmpdir(), 'pave-backlog-prop-'));
  const admin = apiClient(platform.url, platform.adminToken);
  for (const [slug, size] of [
    ['alpha', 30],
    ['beta', 12],
    ['gamma', 5],
  ] as const) {
    teamIds.push(((await admin('POST', '/v1/teams', { slug, name: slug, size })).body as { id: string }).id);
  }
  for (const n of [1, 2, 3]) {
    const user = (
      await admin('POST', '/v1/users', { name: `lead${n}`, email: `lead${n}@example.com`, role: 'lead' })
    ).body as { id: string };
    leadTokens.push(
      ((await admin('POST', `/v1/users/${user.id}/tokens`, { name: 't' })).body as { token: string }).token,
    );
  }
  lead = apiClient(platform.url, leadTokens[0]);
});
afterAll(async () => {
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Op =
  | { kind: 'title'; item: number; value: string }
  | { kind: 'status'; item: number; value: 'proposed' | 'planned' | 'in_progress' | 'done' }
  | { kind: 'value'; item: number; value: number }
  | { kind: 'move'; item: number; to: number }
  | { kind: 'demand'; item: number; team: number; present: boolean }
  | { kind: 'delete'; item: number };

const ITEMS = 5;
const item = fc.nat(ITEMS - 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('title' as const),
      item,
      value: fc.constantFrom('A', 'B', 'C', 'D'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      item,
      value: fc.constantFrom('proposed', 'planned', 'in_progress', 'done') as fc.Arbitrary<
        'proposed' | 'planned' | 'in_progress' | 'done'
      >,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('value' as const), item, value: fc.nat(10) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('move' as const), item, to: fc.nat(ITEMS) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('demand' as const),
      item,
      team: fc.nat(2),
      present: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), item }) },
);

// The list omits descriptions; the comparison does not need them.
const ListedItem = BacklogItem.omit({ description: true });
const comparable = (items: Omit<BacklogItem, 'description'>[]) =>
  [...items].sort(compareRanked).map((i) => ({
    id: i.id,
    title: i.title,
    status: i.status,
    strategicValue: i.strategicValue,
    demandTeamIds: i.demandTeamIds,
    rank: i.rank,
    rankManual: i.rankManual,
    shipped: i.shippedAt !== null,
  }));

describe('backlog convergence (fast-check, real platform + real client rebase)', () => {
  it('random offline edits from three leads, pushed in random arrival orders, converge on every client', async () => {
    const clients = await Promise.all(
      leadTokens.map(async (token, n) => {
        const c = await startDesktopClient(join(dir, `client-${n}.db`), { url: platform.url, token });
        const { handlers: backlog } = createBacklogHandlers(
          featureContext(c.db, { onLocalChange: () => c.engine.localChange() }),
        );
        return { ...c, backlog };
      }),
    );
    const localItems = (c: (typeof clients)[number]) =>
      c.backlog['backlog:list'](BacklogQueryAll).rows.map((r) => ListedItem.parse(r));
    const serverItems = async () =>
      BacklogItem.array().parse(((await lead('GET', '/v1/backlog/items')).body as { items: unknown }).items);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(op, { maxLength: 6 }), { minLength: 3, maxLength: 3 }),
          fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
          async (opsPerClient, arrival) => {
            // A fresh set of items per run, known to every client.
            const ids: string[] = [];
            for (let n = 0; n < ITEMS; n += 1) {
              ids.push(
                ((await lead('POST', '/v1/backlog/items', { title: `item ${n}` })).body as { id: string }).id,
              );
            }
            for (const c of clients) {
              await c.connect();
              await c.engine.syncNow();
              await c.waitUntil(() => ids.every((id) => localItems(c).some((i) => i.id === id)));
              await c.engine.detach();
            }
            // Offline: each client edits its own view.
            clients.forEach((c, n) => {
              for (const o of opsPerClient[n] ?? []) {
                const id = ids[o.item] ?? '';
                switch (o.kind) {
                  case 'title':
                    c.backlog['backlog:update']({ id, patch: { title: o.value } });
                    break;
                  case 'status':
                    c.backlog['backlog:update']({ id, patch: { status: o.value } });
                    break;
                  case 'value':
                    c.backlog['backlog:update']({ id, patch: { strategicValue: o.value } });
                    break;
                  case 'move': {
                    const order = localItems(c).filter((i) => i.id !== id);
                    const to = Math.min(o.to, order.length);
                    c.backlog['backlog:move']({
                      id,
                      afterId: order[to - 1]?.id ?? null,
                      beforeId: order[to]?.id ?? null,
                    });
                    break;
                  }
                  case 'demand':
                    c.backlog['backlog:demand']({ id, teamId: teamIds[o.team] ?? '', present: o.present });
                    break;
                  case 'delete':
                    c.backlog['backlog:delete']({ id });
                    break;
                }
              }
            });
            // Back online one by one, in the drawn arrival order.
            for (const n of arrival) {
              const c = clients[n]!;
              await c.connect();
              await c.settled();
              await c.engine.detach();
            }
            const server = comparable(await serverItems());
            for (const c of clients) {
              await c.connect();
              await c.engine.syncNow();
              await c.settled();
              expect(comparable(localItems(c))).toEqual(server);
            }
            // Merge rules: a deleted item stays deleted; demand has no duplicates; keys are unique.
            const deleted = new Set(
              opsPerClient.flatMap((ops) => ops.filter((o) => o.kind === 'delete').map((o) => ids[o.item])),
            );
            for (const s of server) {
              expect(deleted.has(s.id)).toBe(false);
              expect(new Set(s.demandTeamIds).size).toBe(s.demandTeamIds.length);
            }
            expect(new Set(server.map((s) => s.rank)).size).toBe(server.length);
            // Last arrival wins per field: the last title edit in arrival order is the server's title.
            for (const [index, id] of ids.entries()) {
              const titles = arrival.flatMap((n) =>
                (opsPerClient[n] ?? [])
                  .filter((o) => o.kind === 'title' && o.item === index)
                  .map((o) => (o as { value: string }).value),
              );
              const s = server.find((x) => x.id === id);
              if (s && titles.length) expect(s.title).toBe(titles.at(-1));
            }
          },
        ),
        { numRuns: 12, seed: 4242, endOnFailure: true },
      );
    } finally {
      for (const c of clients) await c.close();
    }
  }, 180_000);
});

const BacklogQueryAll = BacklogQuery.parse({});
