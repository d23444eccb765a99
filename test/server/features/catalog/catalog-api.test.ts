import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ApiErrorBody } from '../../../../shared/api/errors';
import { Me, Team, User, listOf } from '../../../../shared/api/directory';
import { Service } from '../../../../shared/features/catalog/api';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { apiClient } from '../../api-client';

let platform: TestPlatform;
let admin: ReturnType<typeof apiClient>;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
});
afterAll(async () => platform?.close());

const errorCode = (body: unknown) => ApiErrorBody.parse(body).error.code;

describe('auth', () => {
  it('answers 401 for a missing or unknown token and serves health without one', async () => {
    const anonymous = apiClient(platform.url);
    expect(errorCode((await anonymous('GET', '/v1/teams')).body)).toBe('unauthorized');
    expect((await anonymous('GET', '/v1/teams')).status).toBe(401);
    const bad = apiClient(platform.url, 'pave_not-a-real-token');
    expect((await bad('GET', '/v1/services')).status).toBe(401);
    const health = await anonymous('GET', '/v1/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
  });

  it('lets an engineer read but answers 403 on admin routes, and stores tokens hashed only', async () => {
    const created = await admin('POST', '/v1/users', { name: 'Eve Engineer', email: 'eve@example.com' });
    expect(created.status).toBe(201);
    const eve = User.parse(created.body);
    expect(eve.role).toBe('engineer');
    const issued = await admin('POST', `/v1/users/${eve.id}/tokens`, { name: 'laptop' });
    expect(issued.status).toBe(201);
    const token = (issued.body as { token: string }).token;
    expect(token).toMatch(/^pave_[A-Za-z0-9_-]{43}$/);

    const engineer = apiClient(platform.url, token);
    const me = Me.parse((await engineer('GET', '/v1/me')).body);
    expect(me.user.id).toBe(eve.id);
    expect((await engineer('GET', '/v1/teams')).status).toBe(200);
    const denied = await engineer('POST', '/v1/teams', { slug: 'sneaky', name: 'Sneaky' });
    expect(denied.status).toBe(403);
    expect(errorCode(denied.body)).toBe('forbidden');
    expect((await engineer('POST', `/v1/users/${eve.id}/tokens`, {})).status).toBe(403);
    expect((await engineer('GET', '/v1/audit')).status).toBe(403);

    const client = new pg.Client({ connectionString: platform.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT * FROM tokens');
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(platform.adminToken);
      expect(rows.length).toBeGreaterThanOrEqual(2);
    } finally {
      await client.end();
    }
  });
});

describe('catalog CRUD', () => {
  it('creates, reads, updates and deletes teams and services', async () => {
    const teamResponse = await admin('POST', '/v1/teams', { slug: 'payments', name: 'Payments', size: 7 });
    expect(teamResponse.status).toBe(201);
    const team = Team.parse(teamResponse.body);
    expect(team).toMatchObject({ slug: 'payments', size: 7, description: '' });

    const serviceResponse = await admin('POST', '/v1/services', {
      name: 'payments-api',
      title: 'Payments API',
      ownerTeamId: team.id,
      repositoryUrl: 'https://git.example.com/acme/payments-api',
      links: [{ title: 'Runbook', url: 'https://wiki.example.com/payments' }],
    });
    expect(serviceResponse.status).toBe(201);
    const service = Service.parse(serviceResponse.body);
    expect(service).toMatchObject({ tier: 3, lifecycle: 'experimental', tags: [] });

    const patched = await admin('PATCH', `/v1/services/${service.id}`, { tier: 1, repositoryUrl: null });
    expect(patched.status).toBe(200);
    expect(Service.parse(patched.body)).toMatchObject({
      tier: 1,
      repositoryUrl: null,
      title: 'Payments API',
    });

    const list = listOf(Service).parse((await admin('GET', '/v1/services')).body);
    expect(list.items.map((item) => item.name)).toEqual(['payments-api']);

    const blocked = await admin('DELETE', `/v1/teams/${team.id}`);
    expect(blocked.status).toBe(409);
    expect(ApiErrorBody.parse(blocked.body).error.message).toContain('payments-api');

    expect((await admin('DELETE', `/v1/services/${service.id}`)).status).toBe(204);
    expect((await admin('GET', `/v1/services/${service.id}`)).status).toBe(404);
    expect((await admin('DELETE', `/v1/teams/${team.id}`)).status).toBe(204);
    expect(errorCode((await admin('GET', `/v1/teams/${team.id}`)).body)).toBe('not_found');
  });

  it('keeps user team memberships as teamIds', async () => {
    const team = Team.parse((await admin('POST', '/v1/teams', { slug: 'search', name: 'Search' })).body);
    const user = User.parse(
      (await admin('POST', '/v1/users', { name: 'Sam', email: 'sam@example.com', teamIds: [team.id] })).body,
    );
    expect(user.teamIds).toEqual([team.id]);
    const updated = User.parse(
      (await admin('PATCH', `/v1/users/${user.id}`, { role: 'lead', teamIds: [] })).body,
    );
    expect(updated).toMatchObject({ role: 'lead', teamIds: [] });
    const unknownTeam = await admin('PATCH', `/v1/users/${user.id}`, { teamIds: ['no-such-team'] });
    expect(unknownTeam.status).toBe(400);
  });

  it('lists the three environments in promotion order', async () => {
    const body = (await admin('GET', '/v1/environments')).body as { items: { name: string }[] };
    expect(body.items.map((environment) => environment.name)).toEqual([
      'development',
      'staging',
      'production',
    ]);
  });

  it('records every mutation in the audit log', async () => {
    const team = Team.parse((await admin('POST', '/v1/teams', { slug: 'audited', name: 'Audited' })).body);
    const audit = (await admin('GET', '/v1/audit?limit=5')).body as {
      items: { action: string; entityId: string }[];
    };
    expect(audit.items[0]).toMatchObject({ action: 'team.create', entityId: team.id });
  });
});

describe('errors', () => {
  it('answers 400 validation_failed with a readable message for bad input', async () => {
    const response = await admin('POST', '/v1/teams', { slug: 'Not A Slug!', name: '' });
    expect(response.status).toBe(400);
    const { error } = ApiErrorBody.parse(response.body);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/slug/);

    const badTier = await admin('POST', '/v1/services', {
      name: 'x-svc',
      title: 'X',
      ownerTeamId: 'nope',
      tier: 9,
    });
    expect(badTier.status).toBe(400);
    const unknownOwner = await admin('POST', '/v1/services', {
      name: 'x-svc',
      title: 'X',
      ownerTeamId: 'nope',
    });
    expect(unknownOwner.status).toBe(400);
    expect(ApiErrorBody.parse(unknownOwner.body).error.message).toContain('ownerTeamId');
  });

  it('answers 400 for malformed JSON, 404 for unknown routes and 409 for duplicates', async () => {
    const malformed = await admin('POST', '/v1/teams', '{"slug": ');
    expect(malformed.status).toBe(400);
    expect(ApiErrorBody.safeParse(malformed.body).success).toBe(true);

    const missing = await admin('GET', '/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(errorCode(missing.body)).toBe('not_found');
    expect((await apiClient(platform.url)('GET', '/nope')).status).toBe(404);

    expect((await admin('POST', '/v1/teams', { slug: 'twice', name: 'Twice' })).status).toBe(201);
    const duplicate = await admin('POST', '/v1/teams', { slug: 'twice', name: 'Twice again' });
    expect(duplicate.status).toBe(409);
    expect(errorCode(duplicate.body)).toBe('conflict');
    const duplicateEmail = await admin('POST', '/v1/users', { name: 'Admin Two', email: 'ADMIN@pave.local' });
    expect(duplicateEmail.status).toBe(409);
  });

  it('rejects an oversized body with 413 and an error body', async () => {
    const response = await admin('POST', '/v1/teams', {
      slug: 'big',
      name: 'Big',
      description: 'x'.repeat(2_000_000),
    });
    expect(response.status).toBe(413);
    expect(errorCode(response.body)).toBe('payload_too_large');
  });
});
