import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../../shared/api/errors';
import { TokenInfo, TokenIssued, TokenList } from '../../../shared/features/tokens/api';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { apiClient } from '../api-client';
import { createPerson, type Api, type Person } from '../features/surveys/survey-fixtures';

let platform: TestPlatform;
let admin: Api;
let alice: Person;
let bob: Person;
let db: pg.Client;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
  alice = await createPerson(platform.url, admin, 'Alice Engineer', 'engineer');
  bob = await createPerson(platform.url, admin, 'Bob Lead', 'lead');
  db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await platform?.close();
});

const code = (body: unknown) => ApiErrorBody.parse(body).error.code;

async function create(api: Api, body: Record<string, unknown>) {
  const r = await api('POST', '/v1/tokens', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return TokenIssued.parse(r.body);
}

describe('token lifecycle (issue 13, finding 6)', () => {
  it('creates a token with a name and expiry, answers the secret once and lists it without it', async () => {
    const before = Date.now();
    const issued = await create(alice.api, { name: 'ci script', expiresInDays: 30 });
    expect(issued.token).toMatch(/^pave_/);
    expect(issued.info).toMatchObject({
      name: 'ci script',
      userId: alice.id,
      status: 'active',
      revokedAt: null,
    });
    const expires = Date.parse(issued.info.expiresAt ?? '');
    expect(expires - before).toBeGreaterThanOrEqual(30 * 24 * 3600_000 - 1000);
    expect(expires - before).toBeLessThan(30 * 24 * 3600_000 + 60_000);

    // The new token works.
    const me = await apiClient(platform.url, issued.token)('GET', '/v1/tokens');
    expect(me.status).toBe(200);
    const listed = TokenList.parse(me.body).items;
    expect(listed.map((t) => t.name)).toEqual(expect.arrayContaining(['ci script', 'test']));
    expect(listed.find((t) => t.id === issued.info.id)?.current).toBe(true);
    // Never the secret nor its hash.
    const raw = JSON.stringify(me.body);
    expect(raw).not.toContain(issued.token);
    const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM tokens WHERE id = $1', [
      issued.info.id,
    ]);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(raw).not.toContain(rows[0]?.token_hash);
    expect(rows[0]?.token_hash).not.toContain(issued.token);
  });

  it('refuses bad requests with 400 and no token', async () => {
    for (const body of [
      { name: '' },
      { name: 'x', expiresInDays: 0 },
      { name: 'x', expiresInDays: 1, expiresAt: new Date(Date.now() + 3600_000).toISOString() },
      { name: 'x', expiresAt: new Date(Date.now() - 3600_000).toISOString() },
      { name: 'x\u0000y' },
      { name: 'x', secret: 'mine' },
    ]) {
      const r = await alice.api('POST', '/v1/tokens', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('revokes: the token then gets 401 token_revoked, and revoking again changes nothing', async () => {
    const issued = await create(alice.api, { name: 'to revoke' });
    expect(issued.info.expiresAt).toBeNull();
    const own = apiClient(platform.url, issued.token);
    const revoked = await alice.api('DELETE', `/v1/tokens/${issued.info.id}`);
    expect(revoked.status).toBe(200);
    const info = TokenInfo.parse(revoked.body);
    expect(info.status).toBe('revoked');
    const refused = await own('GET', '/v1/tokens');
    expect(refused.status).toBe(401);
    expect(code(refused.body)).toBe('token_revoked');
    const again = TokenInfo.parse((await alice.api('DELETE', `/v1/tokens/${issued.info.id}`)).body);
    expect(again.revokedAt).toBe(info.revokedAt);
    const audit = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'token.revoke' AND entity_id = $1",
      [issued.info.id],
    );
    expect(Number(audit.rows[0]?.n)).toBe(1);
  });

  it('an expired token gets 401 token_expired; an unknown one 401 unauthorized', async () => {
    const issued = await create(alice.api, {
      name: 'short',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    // The expiry passing is the database clock's business: move it back instead of waiting.
    await db.query("UPDATE tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [
      issued.info.id,
    ]);
    const refused = await apiClient(platform.url, issued.token)('GET', '/v1/tokens');
    expect(refused.status).toBe(401);
    expect(code(refused.body)).toBe('token_expired');
    const listed = TokenList.parse((await alice.api('GET', '/v1/tokens')).body).items;
    expect(listed.find((t) => t.id === issued.info.id)?.status).toBe('expired');
    const unknown = await apiClient(platform.url, 'pave_nope')('GET', '/v1/tokens');
    expect(unknown.status).toBe(401);
    expect(code(unknown.body)).toBe('unauthorized');
  });

  it("only admins list or revoke another user's tokens", async () => {
    const issued = await create(alice.api, { name: 'alice laptop' });
    const byLead = await bob.api('GET', `/v1/tokens?userId=${alice.id}`);
    expect(byLead.status).toBe(403);
    const revokeByLead = await bob.api('DELETE', `/v1/tokens/${issued.info.id}`);
    expect(revokeByLead.status).toBe(404);
    // Still usable.
    expect((await apiClient(platform.url, issued.token)('GET', '/v1/tokens')).status).toBe(200);

    const byAdmin = await admin('GET', `/v1/tokens?userId=${alice.id}`);
    expect(byAdmin.status).toBe(200);
    expect(TokenList.parse(byAdmin.body).items.map((t) => t.id)).toContain(issued.info.id);
    const revokeByAdmin = await admin('DELETE', `/v1/tokens/${issued.info.id}`);
    expect(revokeByAdmin.status).toBe(200);
    const after = await apiClient(platform.url, issued.token)('GET', '/v1/tokens');
    expect(code(after.body)).toBe('token_revoked');
  });
});
