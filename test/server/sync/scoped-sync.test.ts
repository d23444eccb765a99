import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../../shared/api/errors';
import { ChangesPage, type ChangeEntry } from '../../../shared/contract';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { apiClient } from '../api-client';
import { createPerson, createTeam, type Api, type Person } from '../features/surveys/survey-fixtures';

/** Issue 13, finding 5: the change feed sends each user only what the REST routes would. */

let platform: TestPlatform;
let admin: Api;
let teamA: string;
let teamB: string;
let serviceA: string;
let serviceB: string;
let alice: Person; // engineer in team A
let bob: Person; // engineer in team B
let lena: Person; // lead, no team

async function createService(name: string, ownerTeamId: string): Promise<string> {
  const r = await admin('POST', '/v1/services', { name, title: name, ownerTeamId });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (r.body as { id: string }).id;
}

async function putSecret(serviceId: string, name: string): Promise<void> {
  const r = await admin('PUT', `/v1/services/${serviceId}/secrets/production/${name}`, { value: 'v' });
  expect(r.status).toBe(204);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
  teamA = await createTeam(admin, 'scope-a');
  teamB = await createTeam(admin, 'scope-b');
  serviceA = await createService('scope-a-api', teamA);
  serviceB = await createService('scope-b-api', teamB);
  await putSecret(serviceA, 'A_ONLY');
  await putSecret(serviceB, 'B_ONLY');
  alice = await createPerson(platform.url, admin, 'Alice A', 'engineer', [teamA]);
  bob = await createPerson(platform.url, admin, 'Bob B', 'engineer', [teamB]);
  lena = await createPerson(platform.url, admin, 'Lena Lead', 'lead');
});
afterAll(async () => platform?.close());

/** Pages to the end; returns every change, the cursors seen and the final cursor. */
async function pullAll(api: Api, cursor: string | undefined, limit = 1000) {
  const changes: ChangeEntry[] = [];
  const cursors: string[] = [];
  let next = cursor;
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit), ...(next ? { cursor: next } : {}) });
    const response = await api('GET', `/v1/sync/changes?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = ChangesPage.parse(response.body);
    changes.push(...body.changes);
    cursors.push(body.cursor);
    next = body.cursor;
    if (!body.hasMore) return { changes, cursors, cursor: body.cursor };
  }
}

const secretNames = (changes: readonly ChangeEntry[]) =>
  changes.flatMap((c) => (c.entity === 'secret' && c.op === 'put' ? [c.data.name] : [])).sort();

describe('scoped change feed', () => {
  it("sends engineers only their teams' secret names, leads all of them (as the REST routes do)", async () => {
    const a = await pullAll(alice.api, undefined);
    const b = await pullAll(bob.api, undefined);
    const l = await pullAll(lena.api, undefined);
    expect(secretNames(a.changes)).toEqual(['A_ONLY']);
    expect(secretNames(b.changes)).toEqual(['B_ONLY']);
    expect(secretNames(l.changes)).toEqual(['A_ONLY', 'B_ONLY']);
    expect(JSON.stringify(a.changes)).not.toContain('B_ONLY');
    // The REST rule it mirrors.
    expect((await alice.api('GET', `/v1/services/${serviceB}/secrets`)).status).toBe(403);
    expect((await alice.api('GET', `/v1/services/${serviceA}/secrets`)).status).toBe(200);
    // Everything else is the same for both.
    const other = (changes: ChangeEntry[]) =>
      changes
        .filter((c) => c.entity !== 'secret')
        .map((c) => `${c.entity}/${c.id}`)
        .sort();
    expect(other(a.changes)).toEqual(other(b.changes));
  });

  it("withholds other people's emails from engineers, as GET /v1/users does; leads see them", async () => {
    const emails = (changes: readonly ChangeEntry[]) =>
      new Map(changes.flatMap((c) => (c.entity === 'user' && c.op === 'put' ? [[c.id, c.data.email]] : [])));
    const a = emails((await pullAll(alice.api, undefined)).changes);
    expect(a.get(alice.id)).toMatch(/@example\.com$/);
    expect(a.get(bob.id)).toBeNull();
    expect(a.get(lena.id)).toBeNull();
    const l = emails((await pullAll(lena.api, undefined)).changes);
    expect(l.get(bob.id)).toMatch(/@example\.com$/);
    expect(l.get(alice.id)).toMatch(/@example\.com$/);

    const rest = (await alice.api('GET', '/v1/users')).body as {
      items: { id: string; email: string | null }[];
    };
    const restEmails = new Map(rest.items.map((u) => [u.id, u.email]));
    expect(restEmails.get(bob.id)).toBeNull();
    expect(restEmails.get(alice.id)).toBe(a.get(alice.id));
  });

  it('advances past filtered rows: pages may be empty with hasMore, never stuck', async () => {
    const { cursor } = await pullAll(alice.api, undefined);
    for (let i = 0; i < 4; i++) await putSecret(serviceB, `B_MORE_${i}`);
    await putSecret(serviceA, 'A_MORE');
    const paged = await pullAll(alice.api, cursor, 1);
    expect(secretNames(paged.changes)).toEqual(['A_MORE']);
    // One cursor per raw row (5) plus the last, each one new: progress on every page.
    expect(paged.cursors.length).toBeGreaterThanOrEqual(5);
    expect(new Set(paged.cursors).size).toBe(paged.cursors.length);
  });

  it('scopes tombstones too', async () => {
    const { cursor } = await pullAll(alice.api, undefined);
    expect((await admin('DELETE', `/v1/services/${serviceB}/secrets/production/B_MORE_0`)).status).toBe(204);
    const after = await pullAll(alice.api, cursor);
    expect(after.changes.filter((c) => c.entity === 'secret')).toEqual([]);
    const bobs = await pullAll(bob.api, undefined);
    expect(secretNames(bobs.changes)).not.toContain('B_MORE_0');
  });

  it('a change of teams answers 409 resync_required; the fresh pull holds only what is now visible', async () => {
    const before = await pullAll(alice.api, undefined);
    expect(secretNames(before.changes)).toContain('A_ONLY');
    const moved = await admin('PATCH', `/v1/users/${alice.id}`, { teamIds: [teamB] });
    expect(moved.status).toBe(200);

    const stale = await alice.api('GET', `/v1/sync/changes?cursor=${before.cursor}&limit=100`);
    expect(stale.status).toBe(409);
    expect(ApiErrorBody.parse(stale.body).error.code).toBe('resync_required');

    const fresh = await pullAll(alice.api, undefined);
    expect(secretNames(fresh.changes)).not.toContain('A_ONLY');
    expect(secretNames(fresh.changes)).toContain('B_ONLY');

    // A role change resyncs too: as a lead she reads every team's secrets.
    expect((await admin('PATCH', `/v1/users/${alice.id}`, { role: 'lead' })).status).toBe(200);
    const again = await alice.api('GET', `/v1/sync/changes?cursor=${fresh.cursor}&limit=100`);
    expect(again.status).toBe(409);
    expect(secretNames((await pullAll(alice.api, undefined)).changes)).toContain('A_ONLY');
  });
});
