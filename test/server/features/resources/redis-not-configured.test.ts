import { afterAll, beforeAll, expect, it } from 'vitest';
import { startOperationsPlatform, type OperationsPlatform } from '../operations/operations-harness';
import { seedTeamsAndEngineers } from '../operations/people';
import { apiClient } from '../../api-client';

let platform: OperationsPlatform;
beforeAll(async () => {
  platform = await startOperationsPlatform();
});
afterAll(async () => platform?.close());

it('rejects caches and queues with redis_not_configured when no Redis is configured', async () => {
  const people = await seedTeamsAndEngineers(platform.url, platform.adminToken);
  const call = apiClient(platform.url, people.ownToken);
  for (const kind of ['cache', 'queue']) {
    const response = await call('POST', `/v1/services/${people.serviceId}/resources`, {
      kind,
      size: 'small',
      environment: 'development',
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: { code: 'redis_not_configured' } });
  }
  // Asked first, the platform says so — the app offers only what can be provisioned.
  expect((await call('GET', '/v1/resources/kinds')).body).toEqual({
    items: [
      { kind: 'postgres', available: true, reason: null },
      { kind: 'cache', available: false, reason: expect.stringContaining('need a Redis server') },
      { kind: 'queue', available: false, reason: expect.stringContaining('need a Redis server') },
    ],
  });
  const estimate = await call('GET', '/v1/resources/estimate?kind=postgres&size=large');
  expect(estimate.body).toMatchObject({ monthlyCostUsd: 240, currency: 'USD' });
  expect((await call('GET', '/v1/resources/estimate?kind=disk&size=small')).status).toBe(400);
});
