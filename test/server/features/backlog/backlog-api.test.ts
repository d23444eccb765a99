import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BacklogItem } from '../../../../shared/features/backlog/api';
import { ChangesPage } from '../../../../shared/contract';
import { SupportRequest, SupportRequestView } from '../../../../shared/features/support/api';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';

let platform: TestPlatform;
let admin: ReturnType<typeof apiClient>;
let lead: ReturnType<typeof apiClient>;
let engineer: ReturnType<typeof apiClient>;
let other: ReturnType<typeof apiClient>;
let engineerId: string;
const teams: Record<string, string> = {};

async function user(name: string, role: string, teamIds: string[]) {
  const created = await admin('POST', '/v1/users', { name, email: `${name}@example.com`, role, teamIds });
  const { id } = created.body as { id: string };
  const token = (await admin('POST', `/v1/users/${id}/tokens`, { name: 't' })).body as { token: string };
  return { id, api: apiClient(platform.url, token.token) };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
  for (const [slug, size] of [
    ['payments', 40],
    ['search', 10],
    ['mobile', 25],
  ] as const) {
    const res = await admin('POST', '/v1/teams', { slug, name: slug, size });
    teams[slug] = (res.body as { id: string }).id;
  }
  lead = (await user('lena', 'lead', [])).api;
  const eng = await user('eddie', 'engineer', [teams.payments!]);
  engineer = eng.api;
  engineerId = eng.id;
  other = (await user('olga', 'engineer', [teams.search!])).api;
});
afterAll(async () => platform?.close());

const item = (body: unknown) => BacklogItem.parse(body);

describe('backlog items over REST', () => {
  it('leads create, edit and delete; engineers only propose', async () => {
    const created = await lead('POST', '/v1/backlog/items', {
      title: 'One-click deploys',
      capability: 'deployment',
      status: 'planned',
      phase: 'foundation',
    });
    expect(created.status).toBe(201);
    const one = item(created.body);
    expect(one).toMatchObject({ status: 'planned', rankManual: false, demandTeamIds: [] });

    const patched = await lead('PATCH', `/v1/backlog/items/${one.id}`, { status: 'done', strategicValue: 9 });
    expect(item(patched.body)).toMatchObject({
      status: 'done',
      strategicValue: 9,
      title: 'One-click deploys',
    });
    expect(item(patched.body).shippedAt).not.toBeNull();

    expect((await engineer('PATCH', `/v1/backlog/items/${one.id}`, { title: 'x' })).status).toBe(403);
    expect((await engineer('POST', '/v1/backlog/items', { title: 'x', status: 'planned' })).status).toBe(403);
    const proposed = await engineer('POST', '/v1/backlog/items', {
      title: 'Preview envs',
      demandTeamIds: [teams.payments],
    });
    expect(proposed.status).toBe(201);
    expect(item(proposed.body)).toMatchObject({ status: 'proposed', demandTeamIds: [teams.payments] });
    expect(
      (await engineer('POST', '/v1/backlog/items', { title: 'y', demandTeamIds: [teams.search] })).status,
    ).toBe(403);

    expect((await lead('DELETE', `/v1/backlog/items/${one.id}`)).status).toBe(204);
    expect((await lead('GET', `/v1/backlog/items/${one.id}`)).status).toBe(404);
    // Deletes win: a later edit is a 404, not a resurrection.
    expect((await lead('PATCH', `/v1/backlog/items/${one.id}`, { title: 'back?' })).status).toBe(404);
  });

  it('rejects bad input with 4xx codes, never 500', async () => {
    const bad = await lead('POST', '/v1/backlog/items', { title: '', effort: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect((await lead('PATCH', '/v1/backlog/items/nope', { title: 'x' })).status).toBe(404);
    expect((await lead('PATCH', '/v1/backlog/items/nope', {})).status).toBe(400);
    expect((await lead('PUT', '/v1/backlog/items/nope/demand/nope')).status).toBe(400);
  });

  it('demand is a set of (item, team) rows: PUT twice counts once, DELETE is idempotent, engineers only for their team', async () => {
    const x = item((await lead('POST', '/v1/backlog/items', { title: 'Secrets rotation' })).body);
    const put = () => engineer('PUT', `/v1/backlog/items/${x.id}/demand/${teams.payments}`);
    expect(item((await put()).body).demandTeamIds).toEqual([teams.payments]);
    expect(item((await put()).body).demandTeamIds).toEqual([teams.payments]);
    expect((await other('PUT', `/v1/backlog/items/${x.id}/demand/${teams.payments}`)).status).toBe(403);
    await lead('PUT', `/v1/backlog/items/${x.id}/demand/${teams.mobile}`);
    const listed = ((await lead('GET', '/v1/backlog/items')).body as { items: BacklogItem[] }).items;
    expect(listed.find((i) => i.id === x.id)?.demandTeamIds).toEqual([teams.mobile, teams.payments].sort());
    expect((await engineer('DELETE', `/v1/backlog/items/${x.id}/demand/${teams.payments}`)).status).toBe(200);
    const gone = await engineer('DELETE', `/v1/backlog/items/${x.id}/demand/${teams.payments}`);
    expect(item(gone.body).demandTeamIds).toEqual([teams.mobile]);
  });

  it('moves: "X between A and B", recomputed from the current order, marked manual', async () => {
    const make = async (title: string) => item((await lead('POST', '/v1/backlog/items', { title })).body);
    const [a, b, c] = [await make('A'), await make('B'), await make('C')];
    const moved = item(
      (await lead('POST', `/v1/backlog/items/${c.id}/move`, { afterId: a.id, beforeId: b.id })).body,
    );
    expect(moved.rankManual).toBe(true);
    const order = async () =>
      ((await lead('GET', '/v1/backlog/items')).body as { items: BacklogItem[] }).items
        .map((i) => i.id)
        .filter((id) => [a.id, b.id, c.id].includes(id));
    expect(await order()).toEqual([a.id, c.id, b.id]);
    // A stale intent (the client thought b and c were neighbours; now a sits… ) still lands after its anchor.
    await lead('POST', `/v1/backlog/items/${b.id}/move`, { afterId: null, beforeId: a.id });
    expect(await order()).toEqual([b.id, a.id, c.id]);
    await lead('POST', `/v1/backlog/items/${a.id}/move`, { afterId: c.id, beforeId: b.id });
    expect(await order()).toEqual([b.id, c.id, a.id]);
    expect(
      (await engineer('POST', `/v1/backlog/items/${a.id}/move`, { afterId: null, beforeId: null })).status,
    ).toBe(403);
  });

  it('POST honours Idempotency-Key: a retry answers the same item, another payload with the key is 422', async () => {
    const key = randomUUID();
    const first = await lead(
      'POST',
      '/v1/backlog/items',
      { title: 'Idempotent' },
      { 'idempotency-key': key },
    );
    const retry = await lead(
      'POST',
      '/v1/backlog/items',
      { title: 'Idempotent' },
      { 'idempotency-key': key },
    );
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(item(retry.body).id).toBe(item(first.body).id);
    const items = ((await lead('GET', '/v1/backlog/items')).body as { items: BacklogItem[] }).items;
    expect(items.filter((i) => i.title === 'Idempotent')).toHaveLength(1);
    expect(
      (await lead('POST', '/v1/backlog/items', { title: 'Other' }, { 'idempotency-key': key })).status,
    ).toBe(422);
  });

  it('weights are server-side, lead-editable and synced', async () => {
    expect((await engineer('GET', '/v1/backlog/weights')).body).toMatchObject({ demand: 0.6, strategy: 0.4 });
    expect((await engineer('PATCH', '/v1/backlog/weights', { demand: 1 })).status).toBe(403);
    expect((await lead('PATCH', '/v1/backlog/weights', { demand: 2 })).body).toMatchObject({
      demand: 2,
      strategy: 0.4,
    });
    const page = ChangesPage.parse((await lead('GET', '/v1/sync/changes?limit=5000')).body);
    expect(page.changes.find((c) => c.entity === 'backlog_weights')).toMatchObject({
      op: 'put',
      data: { demand: 2 },
    });
    expect(page.changes.some((c) => c.entity === 'backlog_item')).toBe(true);
  });
});

describe('support intake', () => {
  it('files, replies (first answer stops the clock), escalates and resolves', async () => {
    const created = await engineer('POST', '/v1/support/requests', {
      title: 'Deploy stuck',
      capability: 'deployment',
      kind: 'production',
      tier: 'direct',
    });
    expect(created.status).toBe(201);
    const r = SupportRequest.parse(created.body);
    expect(r).toMatchObject({
      status: 'open',
      teamId: teams.payments,
      requestedBy: engineerId,
      firstResponseAt: null,
    });

    const own = SupportRequest.parse(
      (await engineer('POST', `/v1/support/requests/${r.id}/replies`, { body: 'more info' })).body,
    );
    expect(own.firstResponseAt).toBeNull();
    const replyId = randomUUID();
    const answered = SupportRequest.parse(
      (await lead('POST', `/v1/support/requests/${r.id}/replies`, { id: replyId, body: 'on it' })).body,
    );
    expect(answered.status).toBe('answered');
    expect(answered.firstResponseAt).not.toBeNull();
    // Replayed reply (same id): no duplicate.
    const again = SupportRequest.parse(
      (await lead('POST', `/v1/support/requests/${r.id}/replies`, { id: replyId, body: 'on it' })).body,
    );
    expect(again.replies).toHaveLength(2);

    expect((await other('POST', `/v1/support/requests/${r.id}/escalate`)).status).toBe(403);
    const escalated = SupportRequest.parse(
      (await engineer('POST', `/v1/support/requests/${r.id}/escalate`)).body,
    );
    expect(escalated.escalatedAt).not.toBeNull();
    const resolved = SupportRequest.parse(
      (await lead('POST', `/v1/support/requests/${r.id}/resolve`, { resolution: 'restarted the runner' }))
        .body,
    );
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'restarted the runner' });
    expect((await engineer('POST', '/v1/support/requests', { title: 'x' })).status).toBe(400);
  });

  it('answers each request with its SLA due time and state, for scripts and chat bots', async () => {
    const created = SupportRequestView.parse(
      (
        await engineer('POST', '/v1/support/requests', {
          title: 'Prod down',
          capability: 'deployment',
          kind: 'production',
          tier: 'community',
        })
      ).body,
    );
    // Production: 15 minutes from filing, whatever the tier.
    expect(Date.parse(created.slaDueAt!) - Date.parse(created.createdAt)).toBe(15 * 60_000);
    expect(created.slaState).toBe('on_track');
    const docs = SupportRequestView.parse(
      (
        await engineer('POST', '/v1/support/requests', {
          title: 'Where are the docs?',
          capability: 'deployment',
          tier: 'documentation',
        })
      ).body,
    );
    expect(docs).toMatchObject({ slaDueAt: null, slaState: 'none' });

    const answered = SupportRequestView.parse(
      (await lead('POST', `/v1/support/requests/${created.id}/replies`, { body: 'looking' })).body,
    );
    expect(answered).toMatchObject({ slaDueAt: created.slaDueAt, slaState: 'met' });
    const one = SupportRequestView.parse((await engineer('GET', `/v1/support/requests/${created.id}`)).body);
    expect(one.slaState).toBe('met');
    const list = (await engineer('GET', '/v1/support/requests')).body as { items: unknown[] };
    const listed = list.items.map((entry) => SupportRequestView.parse(entry));
    expect(listed.find((entry) => entry.id === docs.id)?.slaState).toBe('none');
  });

  it('linking a request adds its team to the item demand once; promoting creates a linked item', async () => {
    const target = item((await lead('POST', '/v1/backlog/items', { title: 'DB provisioning' })).body);
    const file = async () =>
      SupportRequest.parse(
        (await engineer('POST', '/v1/support/requests', { title: 'need a db', capability: 'databases' }))
          .body,
      );
    const [r1, r2] = [await file(), await file()];
    expect((await engineer('POST', `/v1/support/requests/${r1.id}/link`, { itemId: target.id })).status).toBe(
      403,
    );
    const linked = SupportRequest.parse(
      (await lead('POST', `/v1/support/requests/${r1.id}/link`, { itemId: target.id })).body,
    );
    expect(linked.linkedItemId).toBe(target.id);
    await lead('POST', `/v1/support/requests/${r2.id}/link`, { itemId: target.id });
    // Two requests from one team: the team is in the demand set once.
    expect(item((await lead('GET', `/v1/backlog/items/${target.id}`)).body).demandTeamIds).toEqual([
      teams.payments,
    ]);

    const r3 = await file();
    const promoted = SupportRequest.parse(
      (await lead('POST', `/v1/support/requests/${r3.id}/promote`, {})).body,
    );
    expect(promoted.linkedItemId).not.toBeNull();
    const newItem = item((await lead('GET', `/v1/backlog/items/${promoted.linkedItemId}`)).body);
    expect(newItem).toMatchObject({
      title: 'need a db',
      capability: 'databases',
      status: 'proposed',
      demandTeamIds: [teams.payments],
    });
    expect((await lead('POST', `/v1/support/requests/${r3.id}/promote`, {})).status).toBe(409);

    // Deleting the item unlinks its requests (and syncs them).
    await lead('DELETE', `/v1/backlog/items/${target.id}`);
    expect(
      SupportRequest.parse((await lead('GET', `/v1/support/requests/${r1.id}`)).body).linkedItemId,
    ).toBeNull();
  });
});
