import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBacklogHandlers } from '../../../../electron/backend/features/backlog/handlers';
import { createSupportHandlers } from '../../../../electron/backend/features/support/handlers';
import { BacklogItem, BacklogQuery } from '../../../../shared/features/backlog/api';
import { SupportQuery, SupportRequest } from '../../../../shared/features/support/api';
import { startDesktopClient } from '../../desktop-client';
import { featureContext } from '../../feature-context';
import { apiClient } from '../../../server/api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';

let platform: TestPlatform;
let dir: string;
let leadToken: string;
let engineer: ReturnType<typeof apiClient>;
let teamId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  dir = mkdtempSync(join(tmpdir(), 'pave-support-'));
  const admin = apiClient(platform.url, platform.adminToken);
  teamId = (
    (await admin('POST', '/v1/teams', { slug: 'payments', name: 'Payments', size: 12 })).body as {
      id: string;
    }
  ).id;
  const token = async (name: string, role: string, teamIds: string[]) => {
    const user = (await admin('POST', '/v1/users', { name, email: `${name}@example.com`, role, teamIds }))
      .body as {
      id: string;
    };
    return ((await admin('POST', `/v1/users/${user.id}/tokens`, {})).body as { token: string }).token;
  };
  leadToken = await token('lead', 'lead', []);
  engineer = apiClient(platform.url, await token('eng', 'engineer', [teamId]));
});
afterAll(async () => {
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a lead triages offline — replies, escalates, turns a request into an item, edits weights — and it all lands once', async () => {
  const filed = SupportRequest.parse(
    (
      await engineer('POST', '/v1/support/requests', {
        title: 'Cannot rotate secrets',
        capability: 'secrets',
        kind: 'blocking',
      })
    ).body,
  );
  const client = await startDesktopClient(join(dir, 'lead.db'), { url: platform.url, token: leadToken });
  const ctx = featureContext(client.db, { onLocalChange: () => client.engine.localChange() });
  const h = { ...createBacklogHandlers(ctx).handlers, ...createSupportHandlers(ctx).handlers };
  const support = () => h['support:list'](SupportQuery.parse({})).rows.find((r) => r.id === filed.id);
  try {
    await client.connect();
    await client.waitUntil(() => support());
    await client.engine.detach();

    // Offline: every action shows at once in the cache.
    h['support:reply']({ id: filed.id, body: 'Looking at it' });
    h['support:escalate']({ id: filed.id });
    const { itemId } = h['support:promote']({ id: filed.id, title: 'Self-service secret rotation' });
    h['backlog:setWeights']({ demand: 3, strategy: 1 });
    const local = support();
    expect(local).toMatchObject({ linkedItemId: itemId, linkedItemTitle: 'Self-service secret rotation' });
    expect(local?.replies).toHaveLength(1);
    expect(local?.escalatedAt).not.toBeNull();
    const page = h['backlog:list'](BacklogQuery.parse({}));
    expect(page.weights).toEqual({ demand: 3, strategy: 1 });
    expect(page.rows.find((r) => r.id === itemId)?.demandTeamIds).toEqual([teamId]);

    await client.connect();
    await client.settled();

    const server = SupportRequest.parse((await engineer('GET', `/v1/support/requests/${filed.id}`)).body);
    expect(server).toMatchObject({ status: 'answered', linkedItemId: itemId });
    expect(server.firstResponseAt).not.toBeNull();
    expect(server.escalatedAt).not.toBeNull();
    expect(server.replies.map((r) => r.body)).toEqual(['Looking at it']);
    const item = BacklogItem.parse((await engineer('GET', `/v1/backlog/items/${itemId}`)).body);
    expect(item).toMatchObject({
      title: 'Self-service secret rotation',
      status: 'proposed',
      demandTeamIds: [teamId],
    });
    expect((await engineer('GET', '/v1/backlog/weights')).body).toMatchObject({ demand: 3, strategy: 1 });

    // After the pull the cache holds the server's truth (the reply's real author, its status).
    const synced = await client.waitUntil(() => {
      const row = support();
      return row?.status === 'answered' && row.replies[0]?.authorId !== 'me' ? row : undefined;
    });
    expect(synced.sla.state).toBe('met');
  } finally {
    await client.close();
  }
});
