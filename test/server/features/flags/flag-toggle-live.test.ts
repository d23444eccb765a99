import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Deployment } from '../../../../shared/features/self-service/api';
import { Flag } from '../../../../shared/features/flags/api';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { waitFor } from '../../../harness/wait-for';
import { getJson, serviceProcesses, waitForOperation, type Api } from '../self-service/self-service-support';

/**
 * The Done-when of issue 9 for flags, on a real platform: a service created from the http-service
 * template runs as a real process behind its stable port; a flag toggled in Pave changes what the
 * running service answers within 5 s, without a deploy.
 */

let platform: TestPlatform;
let api: Api;

beforeAll(async () => {
  platform = await startTestPlatform({ selfService: { healthIntervalMs: 200, healthTimeoutMs: 20_000 } });
  api = apiClient(platform.url, platform.adminToken);
});

afterAll(async () => {
  await platform?.close();
});

it('a flag toggle changes the running service’s answer within 5 s, without a deploy', async () => {
  const team = await api('POST', '/v1/teams', { slug: 'checkout', name: 'Checkout' });
  const created = await api('POST', '/v1/templates/http-service/services', {
    values: { name: 'checkout-api', title: 'Checkout API', ownerTeamId: (team.body as { id: string }).id },
    deployTo: 'development',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  const operation = await waitForOperation(
    api,
    (created.body as { operationId: string }).operationId,
    90_000,
  );
  expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
  const { serviceId, stablePort } = operation.result as { serviceId: string; stablePort: number };
  const service = `http://127.0.0.1:${stablePort}`;

  // The process got its flags endpoint and its own key.
  const [running] = await serviceProcesses(serviceId);
  expect(running?.env.PAVE_FLAGS_URL).toBe(`${platform.url}/v1/runtime/flags`);
  expect(running?.env.PAVE_FLAGS_KEY).toMatch(/^pave_flags_/);

  const before = await getJson(`${service}/`);
  expect(before.status).toBe(200);
  expect(before.body).toMatchObject({ message: 'Hello from Pave', flags: { shout: false } });
  const deploymentsBefore = await deploymentCount(serviceId);

  const flag = Flag.parse(
    (await api('POST', `/v1/services/${serviceId}/flags`, { environment: 'development', key: 'shout' })).body,
  );
  expect((await api('PATCH', `/v1/flags/${flag.id}`, { enabled: true })).status).toBe(200);
  const toggledAt = Date.now();
  await waitFor(
    async () => {
      const { body } = await getJson(`${service}/`);
      return body.message === 'HELLO FROM PAVE' && body;
    },
    { timeoutMs: 5000, what: 'the running service shouting' },
  );
  const tookMs = Date.now() - toggledAt;

  // A 10 % rollout: only the users whose bucket is under 10 get it; who is in stays in.
  expect((await api('PATCH', `/v1/flags/${flag.id}`, { rolloutPercent: 10 })).status).toBe(200);
  await waitFor(async () => (await getJson(`${service}/`)).body.message === 'Hello from Pave', {
    timeoutMs: 5000,
    what: 'callers without a user leaving the 10 % rollout',
  });
  const shouting = async (user: string) =>
    (await getJson(`${service}/?user=${encodeURIComponent(user)}`)).body.message === 'HELLO FROM PAVE';
  const users = Array.from({ length: 200 }, (_, i) => `user-${i}`);
  const inRollout = (await Promise.all(users.map(shouting))).filter(Boolean).length;
  expect(inRollout).toBeGreaterThan(5);
  expect(inRollout).toBeLessThan(45);

  expect(await deploymentCount(serviceId)).toBe(deploymentsBefore);
  // The service logged the change; its captured output never holds the key.
  const output = await readFile(
    path.join(platform.dataDir, 'runtime', serviceId, 'development', 'output.ndjson'),
    'utf8',
  );
  expect(output).toContain('flags changed');
  expect(output).not.toContain(running?.env.PAVE_FLAGS_KEY ?? 'no key');
  console.log(`flag toggle → running service changed its answer in ${tookMs} ms`);

  // After a platform restart the live version comes back with a new key and still follows its flags.
  await platform.stop();
  await platform.start();
  await waitFor(async () => (await getJson(`${service}/?user=user-1`).catch(() => null))?.status === 200, {
    what: 'the service back after the platform restart',
  });
  const [restarted] = await serviceProcesses(serviceId);
  expect(restarted?.env.PAVE_FLAGS_KEY).toMatch(/^pave_flags_/);
  expect(restarted?.env.PAVE_FLAGS_KEY).not.toBe(running?.env.PAVE_FLAGS_KEY);
  expect((await api('PATCH', `/v1/flags/${flag.id}`, { rolloutPercent: 100 })).status).toBe(200);
  await waitFor(async () => (await getJson(`${service}/`)).body.message === 'HELLO FROM PAVE', {
    timeoutMs: 5000,
    what: 'the restarted service following a toggle',
  });
});

async function deploymentCount(serviceId: string): Promise<number> {
  const { body } = await api('GET', `/v1/services/${serviceId}/deployments`);
  return (body as { items: Deployment[] }).items.length;
}
