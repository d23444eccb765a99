import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../../shared/api/errors';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { apiClient } from '../api-client';

let platform: TestPlatform;
let admin: ReturnType<typeof apiClient>;
let db: pg.Client;
let serviceId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
  db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
  const team = await admin('POST', '/v1/teams', { slug: 'vault-team', name: 'Vault team' });
  const service = await admin('POST', '/v1/services', {
    name: 'vault-api',
    title: 'Vault API',
    ownerTeamId: (team.body as { id: string }).id,
  });
  serviceId = (service.body as { id: string }).id;
});
afterAll(async () => {
  await db?.end();
  await platform?.close();
});

// Every way the old code could have hashed this request: the whole fingerprint, the body alone.
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('idempotency fingerprints are keyed (issue 13, finding 7)', () => {
  it("stores an HMAC, not SHA-256 of a secret PUT's body, and still tells another body apart", async () => {
    const key = randomUUID();
    const value = 'hunter2-correct-horse';
    const path = `/v1/services/${serviceId}/secrets/production/DB_PASSWORD`;
    const put = await admin('PUT', path, { value }, { 'idempotency-key': key });
    expect(put.status).toBe(204);

    const { rows } = await db.query<{ fingerprint: string }>(
      'SELECT fingerprint FROM idempotency_keys WHERE key = $1',
      [key],
    );
    const stored = rows[0]?.fingerprint ?? '';
    expect(stored).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    const digest = stored.slice('hmac-sha256:'.length);
    const unkeyed = {
      method: 'PUT',
      route: '/v1/services/:id/secrets/:environment/:name',
      params: { environment: 'production', id: serviceId, name: 'DB_PASSWORD' },
      body: { value },
    };
    for (const guess of [JSON.stringify({ value }), value, JSON.stringify(unkeyed)]) {
      expect(digest).not.toBe(sha256(guess));
    }
    // The key lives in the database, not in the fingerprint or the row.
    expect(stored).not.toContain(value);

    // Same key, same body: replayed. Same key, another body: 422.
    const replay = await admin('PUT', path, { value }, { 'idempotency-key': key });
    expect(replay.status).toBe(204);
    const other = await admin('PUT', path, { value: 'another-secret' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(ApiErrorBody.parse(other.body).error.code).toBe('idempotency_key_reused');
  });

  it('keeps honouring a row stored before the key existed (unkeyed SHA-256) until it expires', async () => {
    const key = randomUUID();
    const path = `/v1/services/${serviceId}/secrets/staging/API_TOKEN`;
    const first = await admin('PUT', path, { value: 'v1' }, { 'idempotency-key': key });
    expect(first.status).toBe(204);
    const legacy = sha256(
      JSON.stringify({
        body: { value: 'v1' },
        method: 'PUT',
        params: { environment: 'staging', id: serviceId, name: 'API_TOKEN' },
        route: '/v1/services/:id/secrets/:environment/:name',
      }),
    );
    await db.query('UPDATE idempotency_keys SET fingerprint = $2 WHERE key = $1', [key, legacy]);
    expect((await admin('PUT', path, { value: 'v1' }, { 'idempotency-key': key })).status).toBe(204);
    expect((await admin('PUT', path, { value: 'v2' }, { 'idempotency-key': key })).status).toBe(422);
  });
});
