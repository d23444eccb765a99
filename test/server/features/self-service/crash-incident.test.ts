import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment, Incident } from '../../../../shared/features/self-service/api';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { waitFor } from '../../../harness/wait-for';
import { getJson, serviceProcesses, waitForOperation, type Api } from './self-service-support';

/**
 * Issue 13, finding 10: a crashed service process was not restarted. Now it is restarted with
 * back-off, an incident opens at once and resolves when the restarted process is healthy, and the
 * deployment's health shows both.
 */
let platform: TestPlatform;
let api: Api;

beforeAll(async () => {
  platform = await startTestPlatform({
    selfService: { healthIntervalMs: 100, healthTimeoutMs: 10_000 },
    // Long enough to see the deployment unhealthy and the incident open before the restart.
    serviceRuntime: { restart: { initialMs: 1500, maxMs: 5000 } },
  });
  api = apiClient(platform.url, platform.adminToken);
});
afterAll(async () => platform?.close());

const liveDeployment = async (serviceId: string) => {
  const { body } = await api('GET', `/v1/services/${serviceId}/deployments?environment=development`);
  return (body as { items: Deployment[] }).items.find((d) => d.status === 'live');
};
const incidents = async (serviceId: string) =>
  ((await api('GET', `/v1/incidents?serviceId=${serviceId}`)).body as { items: Incident[] }).items;

describe('a live service process that crashes', () => {
  it('opens an incident, restarts with back-off on the same port, and resolves once healthy', async () => {
    const team = await api('POST', '/v1/teams', { slug: 'crashers', name: 'Crashers' });
    const created = await api('POST', '/v1/templates/http-service/services', {
      values: { name: 'crashy-api', title: 'Crashy API', ownerTeamId: (team.body as { id: string }).id },
      deployTo: 'development',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    const operation = await waitForOperation(
      api,
      (created.body as { operationId: string }).operationId,
      60_000,
    );
    expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
    const { serviceId, stablePort } = operation.result as { serviceId: string; stablePort: number };
    expect((await getJson(`http://127.0.0.1:${stablePort}/healthz`)).status).toBe(200);

    const [before] = await serviceProcesses(serviceId);
    expect(before).toBeDefined();
    process.kill(before!.pid, 'SIGKILL');

    const opened = await waitFor(async () => (await incidents(serviceId)).find((i) => i.status === 'open'), {
      what: 'an incident for the crash',
    });
    expect(opened.title).toMatch(/process crashed \(killed by SIGKILL\); restarting in 2 s/);
    expect((await liveDeployment(serviceId))?.health).toBe('unhealthy');

    // The runtime starts it again (a new process) and the stable port serves again.
    const after = await waitFor(
      async () => (await serviceProcesses(serviceId)).find((p) => p.pid !== before!.pid),
      { what: 'the restarted process' },
    );
    expect(after.env.PAVE_DEPLOYMENT).toBe(before!.env.PAVE_DEPLOYMENT);
    const resolved = await waitFor(
      async () => (await incidents(serviceId)).find((i) => i.id === opened.id && i.status === 'resolved'),
      { what: 'the incident resolved by a healthy check' },
    );
    expect(Date.parse(resolved.resolvedAt ?? '')).toBeGreaterThan(Date.parse(resolved.openedAt));
    expect((await liveDeployment(serviceId))?.health).toBe('healthy');
    expect((await getJson(`http://127.0.0.1:${stablePort}/healthz`)).status).toBe(200);
  });
});
