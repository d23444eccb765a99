import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushRequest, PushResponse } from '../../../shared/api/push';
import { openCache, type Cache } from '../../../electron/backend/cache/open-cache';
import { writeSetting } from '../../../electron/backend/cache/settings-store';
import { backendFeatures } from '../../../electron/backend/features';
import { clientIdOf, insertOutboxRow, nextMutationId } from '../../../electron/backend/outbox/outbox-store';
import { pushPending } from '../../../electron/backend/outbox/pusher';
import type { PlatformClient } from '../../../electron/backend/platform/platform-client';
import { saveIdentity } from '../../../electron/backend/settings/platform-settings';

// Issue 13, finding 10: the client id was bound to the first user who signed in on a cache, so a
// second user (or the same user on another platform) was refused with 403.
let dir: string;
let cache: Cache;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-client-id-'));
  cache = openCache(join(dir, 'cache.db'), backendFeatures.migrations);
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = '2026-01-01T00:00:00.000Z';
function signIn(userId: string, platform: string): void {
  cache.db.prepare('UPDATE sync_state SET epoch = ? WHERE id = 1').run(platform);
  saveIdentity(cache.db, {
    org: { id: 'org', name: 'Org', isDemo: false, updatedAt: at },
    user: {
      id: userId,
      name: userId,
      email: `${userId}@example.test`,
      role: 'engineer',
      teamIds: [],
      createdAt: at,
      updatedAt: at,
    },
  });
}
const queue = (title: string) =>
  insertOutboxRow(cache.db, {
    mutationId: nextMutationId(cache.db),
    name: 'service.update',
    args: { id: 'svc', patch: { title } },
    createdAt: at,
    expiresAt: null,
  });

/** A platform client that records each push and applies everything (isolates the pusher). */
function recordingClient() {
  const pushes: PushRequest[] = [];
  const client = {
    push: async (request: PushRequest): Promise<PushResponse> => {
      pushes.push(request);
      const ids = request.mutations.map((m) => m.id);
      return { results: ids.map((id) => ({ id, status: 'applied' })), lastMutationId: Math.max(...ids) };
    },
  } as unknown as PlatformClient;
  return { client, pushes };
}

describe('client id per (platform, user)', () => {
  it('is stable for one pair and differs for another user or another platform', () => {
    signIn('alice', 'remote:https://a.example');
    const alice = clientIdOf(cache.db);
    expect(clientIdOf(cache.db)).toBe(alice);
    signIn('bob', 'remote:https://a.example');
    const bob = clientIdOf(cache.db);
    signIn('alice', 'remote:https://b.example');
    const aliceElsewhere = clientIdOf(cache.db);
    expect(new Set([alice, bob, aliceElsewhere]).size).toBe(3);
    signIn('alice', 'remote:https://a.example');
    expect(clientIdOf(cache.db)).toBe(alice);
  });

  it('gives changes queued before anyone signed in to the first user who does', () => {
    cache.db.prepare(`UPDATE sync_state SET epoch = 'embedded' WHERE id = 1`).run();
    const queued = queue('before sign-in');
    signIn('admin', 'embedded');
    expect(clientIdOf(cache.db)).toBe(queued.clientId);
    signIn('other', 'embedded');
    expect(clientIdOf(cache.db)).not.toBe(queued.clientId);
  });

  it('keeps the one id of an older cache for the first user who asks', () => {
    const legacy = '0b6f1c2e-4d5a-4b8c-9e0f-1a2b3c4d5e6f';
    writeSetting(cache.db, 'outbox.clientId', legacy);
    signIn('alice', 'remote:https://a.example');
    expect(clientIdOf(cache.db)).toBe(legacy);
    signIn('bob', 'remote:https://a.example');
    expect(clientIdOf(cache.db)).not.toBe(legacy);
  });

  it("pushes each user's queued changes only as that user, under the id they were queued with", async () => {
    signIn('alice', 'remote:https://a.example');
    const fromAlice = queue('by alice');
    signIn('bob', 'remote:https://a.example');
    const fromBob = queue('by bob');
    expect(fromBob.clientId).not.toBe(fromAlice.clientId);

    const { client, pushes } = recordingClient();
    expect(await pushPending(cache.db, client)).toMatchObject({ sent: 1, applied: 1 });
    expect(pushes).toEqual([
      expect.objectContaining({
        clientId: fromBob.clientId,
        mutations: [expect.objectContaining({ id: fromBob.mutationId })],
      }),
    ]);

    // Alice's change waited (it did not block Bob's) and goes when she is back, as queued.
    signIn('alice', 'remote:https://a.example');
    expect(await pushPending(cache.db, client)).toMatchObject({ sent: 1, applied: 1 });
    expect(pushes[1]).toEqual(
      expect.objectContaining({
        clientId: fromAlice.clientId,
        mutations: [expect.objectContaining({ id: fromAlice.mutationId })],
      }),
    );
  });
});
