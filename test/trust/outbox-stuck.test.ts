import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ipcCommands } from '../../shared/contract';
import { insertOutboxRow, nextMutationId } from '../../electron/backend/outbox/outbox-store';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { startDesktopClient } from '../backend/desktop-client';

// Issue 13, finding 1, on the desktop: a bad change never blocks the queue, and every change that
// waits can be inspected and dropped from the outbox panel (its IPC).

let platform: TestPlatform;
let dir: string;
let team: string;
let engineer: string;
const clients: Awaited<ReturnType<typeof startDesktopClient>>[] = [];

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${platform.adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
let counter = 0;
const newService = async () =>
  (
    await api<{ id: string }>('POST', '/v1/services', {
      name: `stuck-${++counter}`,
      title: 'Original',
      ownerTeamId: team,
    })
  ).id;

const client = async (name: string, fetchImpl?: typeof fetch) => {
  const c = await startDesktopClient(join(dir, `${name}.db`), {
    url: platform.url,
    token: engineer,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  platform = await startTestPlatform();
  team = (await api<{ id: string }>('POST', '/v1/teams', { slug: 'stuck', name: 'Stuck' })).id;
  const user = await api<{ id: string }>('POST', '/v1/users', {
    name: 'E',
    email: 'e@example.test',
    role: 'engineer',
    teamIds: [team],
  });
  engineer = (await api<{ token: string }>('POST', `/v1/users/${user.id}/tokens`, { name: 't' })).token;
});
afterAll(async () => platform?.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-stuck-'));
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a change with text that cannot be stored', () => {
  it('is refused by IPC validation before it is queued', () => {
    const input = ipcCommands['services:update'].input;
    expect(input.safeParse({ id: 's', patch: { title: 'fine' } }).success).toBe(true);
    const nul = input.safeParse({ id: 's', patch: { title: 'bad\u0000' } });
    expect(nul.success).toBe(false);
    expect(nul.error?.issues[0]?.message).toBe('contains a character that cannot be stored (NUL)');
    expect(input.safeParse({ id: 's', patch: { title: '\ud800' } }).error?.issues[0]?.message).toBe(
      'contains a broken character (lone surrogate)',
    );
  });

  it('already in an outbox (queued by an older Pave) is rejected and the changes behind it go through', async () => {
    const id = await newService();
    const c = await client('poisoned');
    await c.connect();
    await c.waitUntil(() => c.service(id));
    // Written straight to the table, as a version without the IPC check would have queued it.
    const now = new Date().toISOString();
    const bad = c.db.transaction(() =>
      insertOutboxRow(c.db, {
        mutationId: nextMutationId(c.db),
        name: 'service.update',
        args: { id, patch: { title: 'bad\u0000title' } },
        createdAt: now,
        expiresAt: null,
      }),
    )();
    await c.handlers['services:update']({ id, patch: { description: 'behind the bad one' } });
    const rejected = await c.waitUntil(() =>
      c.handlers['outbox:list']({}).find((i) => i.mutationId === bad.mutationId && i.status === 'rejected'),
    );
    expect(rejected.reason?.message).toContain('cannot be stored (NUL)');
    await c.settled();
    expect(c.engine.status()).toMatchObject({ state: 'online', pendingChanges: 0 });
    expect(c.service(id)).toMatchObject({ title: 'Original', description: 'behind the bad one' });
    await c.handlers['outbox:discard']({ mutationId: rejected.mutationId });
    expect(c.handlers['outbox:list']({})).toEqual([]);
  });
});

describe('a stuck change', () => {
  it('shows what, when and why, and can be discarded; not while it is on the wire', async () => {
    const id = await newService();
    let pushes = 0;
    let hold: { release: () => void; reached: () => void } | null = null;
    // The platform keeps failing pushes (a 503 each time); pulls work.
    const failingPush: typeof fetch = async (input, init) => {
      const url = new Request(input, init).url;
      if (!url.endsWith('/v1/sync/push')) return fetch(input, init);
      pushes += 1;
      if (hold) {
        const h = hold;
        h.reached();
        await new Promise<void>((resolve) => (h.release = resolve));
      }
      return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'try later' } }), {
        status: 503,
        headers: { 'content-type': 'application/json' },
      });
    };
    const c = await client('stuck', failingPush);
    await c.connect();
    await c.waitUntil(() => c.service(id));
    const { mutationId } = await c.handlers['services:update']({ id, patch: { title: 'Stuck edit' } });
    const stuck = await c.waitUntil(() =>
      c.handlers['outbox:list']({}).find((i) => i.mutationId === mutationId && i.attempts >= 2),
    );
    expect(stuck).toMatchObject({
      status: 'pending',
      name: 'service.update',
      args: { id, patch: { title: 'Stuck edit' } },
      reason: { code: 'platform_unreachable' },
    });
    expect(stuck.reason?.message).toContain('try later');
    expect(stuck.lastSentAt).not.toBeNull();
    expect(c.service(id)?.title).toBe('Stuck edit');

    // While a push of it is on the wire, discarding is refused with a clear message.
    let reached!: () => void;
    const onWire = new Promise<void>((resolve) => (reached = resolve));
    hold = { release: () => {}, reached };
    c.engine.localChange();
    await onWire;
    let refused: unknown = null;
    try {
      c.handlers['outbox:discard']({ mutationId });
    } catch (err) {
      refused = err;
    }
    expect(refused).toMatchObject({ code: 'in_flight' });
    expect((refused as Error).message).toContain('being sent');
    const h = hold as { release: () => void };
    hold = null;
    h.release();

    // Between two tries (answered 503 again) it can be dropped, and its local effect goes with it.
    let discarded = false; // the discard's own notification re-enters this check
    await c.waitUntil(() => {
      if (discarded) return true;
      discarded = true;
      try {
        c.handlers['outbox:discard']({ mutationId });
        return true;
      } catch (err) {
        discarded = false;
        if ((err as { code?: string }).code === 'in_flight') return undefined;
        throw err;
      }
    });
    expect(c.service(id)?.title).toBe('Original');
    expect(c.handlers['outbox:list']({})).toEqual([]);
    expect(c.engine.status().pendingChanges).toBe(0);
    expect(pushes).toBeGreaterThanOrEqual(3);
  });
});
