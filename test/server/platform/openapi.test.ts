import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.close());

it('serves an OpenAPI 3.1 document generated from the route schemas, without a token', async () => {
  const response = await fetch(`${platform.url}/v1/openapi.json`);
  expect(response.status).toBe(200);
  const doc = (await response.json()) as {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
  };
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info.title).toContain('Pave');
  for (const path of [
    '/v1/health',
    '/v1/me',
    '/v1/teams',
    '/v1/teams/{id}',
    '/v1/users',
    '/v1/users/{id}',
    '/v1/users/{id}/tokens',
    '/v1/services',
    '/v1/services/{id}',
    '/v1/environments',
    '/v1/sync/changes',
    '/v1/events',
    '/v1/audit',
  ]) {
    expect(doc.paths, path).toHaveProperty([path]);
  }
  expect(Object.keys(doc.paths['/v1/teams/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
  // Bodies and responses carry the zod-derived JSON Schemas, not empty placeholders.
  const createService = JSON.stringify(doc.paths['/v1/services']?.post?.requestBody);
  expect(createService).toContain('ownerTeamId');
  expect(createService).toContain('lifecycle');
  const changes = JSON.stringify(doc.paths['/v1/sync/changes']?.get?.responses['200']);
  expect(changes).toContain('hasMore');
  expect(doc.paths['/v1/openapi.json']).toBeUndefined();
});
