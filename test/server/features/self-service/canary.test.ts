import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../../../shared/features/self-service/api';
import { commitFiles } from '../../../../server/features/self-service/repositories/git-repository';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { waitFor } from '../../../harness/wait-for';
import {
  author,
  BROKEN_SERVER,
  createHttpService,
  CRASHING_SERVER,
  deploymentsOf,
  eventsOf,
  operationLog,
  requestLoop,
  type LoopResult,
} from './release-support';
import { getJson, serviceProcesses, waitForOperation, type Api } from './self-service-support';

// Canaries run in development here: the API allows any environment, and development has no
// promotion policy, so each case needs one new commit instead of three deploys.
let platform: TestPlatform;
let service: Awaited<ReturnType<typeof createHttpService>>;
let api: Api;
let greetings = 0;

beforeAll(async () => {
  platform = await startTestPlatform({
    selfService: { healthIntervalMs: 200, healthTimeoutMs: 5000, canaryTickMs: 200 },
  });
  service = await createHttpService(platform, 'canary-api', 'stable greeting');
  api = service.api;
});

afterAll(async () => {
  await platform?.close();
});

const failed = (results: LoopResult[]) => results.filter((r) => r.status !== 200);

/** A new commit: the template's server with another greeting, or a replacement server.js. */
async function commit(serverJs?: string) {
  greetings += 1;
  const source = serverJs ?? service.serverJs.replace('"stable greeting"', `"greeting ${greetings}"`);
  return commitFiles(service.bareRepo, new Map([['server.js', source]]), author, `change ${greetings}`);
}

async function startCanary(sha: string, canary: { weightPercent: number; windowSeconds: number }) {
  const accepted = await api('POST', `/v1/services/${service.serviceId}/deployments`, {
    environment: 'development',
    version: sha,
    canary,
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  return (accepted.body as { operationId: string }).operationId;
}

/** Waits until the canary of `sha` takes traffic and has answered at least `requests`. */
function canaryTakingTraffic(sha: string, requests: number): Promise<Deployment> {
  return waitFor(
    async () => {
      const row = (await deploymentsOf(api, service.serviceId)).find((d) => d.version === sha);
      return row?.canary?.status === 'analysing' && row.canary.canary.requests >= requests && row;
    },
    { timeoutMs: 120_000, what: `canary ${sha.slice(0, 7)} taking traffic` },
  );
}

const liveVersion = async () =>
  (await deploymentsOf(api, service.serviceId)).find((d) => d.status === 'live')?.version;

describe('canary releases through the stable proxy', { timeout: 180_000 }, () => {
  it('a canary that crashes on start never takes traffic: aborted, zero failed requests', async () => {
    const stable = await liveVersion();
    const crashing = await commit(CRASHING_SERVER);
    const loop = requestLoop(service.stablePort);
    const operation = await waitForOperation(
      api,
      await startCanary(crashing.sha, { weightPercent: 50, windowSeconds: 10 }),
      120_000,
    );
    const results = await loop.stop();
    expect(operation.status).toBe('failed');
    expect(operation.error?.code).toBe('canary_aborted');
    expect(operation.error?.message).toContain('crashed on start (exit code 3)');
    expect(results.length).toBeGreaterThan(50);
    expect(failed(results)).toEqual([]);
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([stable]));
    const row = (await deploymentsOf(api, service.serviceId)).find((d) => d.version === crashing.sha);
    expect(row).toMatchObject({ status: 'failed', canary: { status: 'aborted', automatic: true } });
    expect((await eventsOf(api, service.serviceId, 'canary_decision')).at(-1)?.data).toMatchObject({
      deploymentId: row?.id,
      decision: 'aborted',
      automatic: true,
    });
  });

  it('aborts a canary whose error rate is clearly worse; the switch back drops nothing and then all requests succeed', async () => {
    const stable = await liveVersion();
    const broken = await commit(BROKEN_SERVER);
    const loop = requestLoop(service.stablePort);
    const operationId = await startCanary(broken.sha, { weightPercent: 20, windowSeconds: 600 });
    const operation = await waitForOperation(api, operationId, 120_000);
    const during = await loop.stop();
    expect(operation.status).toBe('failed');
    expect(operation.error?.code).toBe('canary_aborted');
    expect(operation.error?.message).toMatch(/canary error rate 100\.0 % .* exceeds the threshold 5\.0 %/);
    const log = await operationLog(platform, operationId);
    expect(log).toContain('Rule: abort at once if the canary exits');
    expect(log).toContain('canary aborted: canary error rate');
    // The only failures are the broken canary's own answers; no connection error at any time.
    expect(during.filter((r) => r.status === null)).toEqual([]);
    expect(new Set(failed(during).map((r) => `${r.status} ${r.version}`))).toEqual(
      new Set([`500 ${broken.sha}`]),
    );
    const after = requestLoop(service.stablePort);
    await waitFor(() => after.results.length >= 200);
    const afterResults = await after.stop();
    expect(failed(afterResults)).toEqual([]);
    expect(new Set(afterResults.map((r) => r.version))).toEqual(new Set([stable]));
    expect((await serviceProcesses(service.serviceId)).some((p) => p.env.PAVE_VERSION === broken.sha)).toBe(
      false,
    );
  });

  it('promotes a good canary automatically at the end of its window with zero failed requests', async () => {
    const good = await commit();
    const loop = requestLoop(service.stablePort);
    const operationId = await startCanary(good.sha, { weightPercent: 20, windowSeconds: 10 });
    const operation = await waitForOperation(api, operationId, 120_000);
    // Keep calling through the switch, then stop.
    await waitFor(
      async () => (await getJson(`http://127.0.0.1:${service.stablePort}/`)).body.version === good.sha,
    );
    const results = await loop.stop();
    expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
    expect(failed(results)).toEqual([]);
    expect(results.some((r) => r.version === good.sha)).toBe(true);
    expect(await liveVersion()).toBe(good.sha);
    const row = (await deploymentsOf(api, service.serviceId)).find((d) => d.version === good.sha);
    expect(row?.canary).toMatchObject({ status: 'promoted', automatic: true });
    expect(row?.canary?.canary.requests).toBeGreaterThan(0);
    expect(await operationLog(platform, operationId)).toContain(
      'canary promoted automatically: canary error rate 0.0 %',
    );
    const deploys = await eventsOf(api, service.serviceId, 'deploy');
    expect(deploys.find((e) => e.data.deploymentId === row?.id)?.data).toMatchObject({
      result: 'live',
      canary: true,
      version: good.sha,
    });
  });

  it('promotes by hand mid-window with zero failed requests', async () => {
    const good = await commit();
    const loop = requestLoop(service.stablePort);
    const operationId = await startCanary(good.sha, { weightPercent: 30, windowSeconds: 600 });
    const row = await canaryTakingTraffic(good.sha, 20);
    const promoted = await api('POST', `/v1/services/${service.serviceId}/canary/development/promote`);
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(202);
    expect(promoted.body).toEqual({ deploymentId: row.id, decision: 'promote' });
    const operation = await waitForOperation(api, operationId, 60_000);
    await waitFor(
      async () => (await getJson(`http://127.0.0.1:${service.stablePort}/`)).body.version === good.sha,
    );
    const results = await loop.stop();
    expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
    expect(failed(results)).toEqual([]);
    expect(await liveVersion()).toBe(good.sha);
    const decision = (await eventsOf(api, service.serviceId, 'canary_decision')).at(-1);
    expect(decision).toMatchObject({
      actorId: expect.any(String),
      data: { decision: 'promoted', automatic: false },
    });
    // Decided already: a second request is refused with the reason.
    const late = await api('POST', `/v1/services/${service.serviceId}/canary/development/abort`);
    expect(late.status).toBe(409);
    expect(JSON.stringify(late.body)).toContain(
      'no canary is running in development; the last one was promoted',
    );
  });

  it('aborts by hand mid-window with zero failed requests; the stable version keeps serving', async () => {
    const stable = await liveVersion();
    const good = await commit();
    const loop = requestLoop(service.stablePort);
    const operationId = await startCanary(good.sha, { weightPercent: 50, windowSeconds: 600 });
    await canaryTakingTraffic(good.sha, 20);
    const aborted = await api('POST', `/v1/services/${service.serviceId}/canary/development/abort`);
    expect(aborted.status, JSON.stringify(aborted.body)).toBe(202);
    const operation = await waitForOperation(api, operationId, 60_000);
    const results = await loop.stop();
    expect(operation.status).toBe('failed');
    expect(operation.error?.message).toContain('canary aborted by hand');
    expect(failed(results)).toEqual([]);
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([stable, good.sha]));
    expect(await liveVersion()).toBe(stable);
    expect((await getJson(`http://127.0.0.1:${service.stablePort}/`)).body.version).toBe(stable);
  });

  it('refuses bad canary settings and decisions with nothing running, with clear errors', async () => {
    const bad = await api('POST', `/v1/services/${service.serviceId}/deployments`, {
      environment: 'development',
      canary: { weightPercent: 80, windowSeconds: 5 },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('canary');
    const none = await api('POST', `/v1/services/${service.serviceId}/canary/production/promote`);
    expect(none.status).toBe(409);
    expect(JSON.stringify(none.body)).toContain('no canary is running in production');
  });

  it('a platform restart during a canary ends it aborted, with the stable version serving', async () => {
    const stable = await liveVersion();
    const good = await commit();
    const operationId = await startCanary(good.sha, { weightPercent: 50, windowSeconds: 600 });
    await canaryTakingTraffic(good.sha, 0);
    await platform.stop();
    await platform.start();
    const root = await waitFor(async () => {
      try {
        return await getJson(`http://127.0.0.1:${service.stablePort}/`);
      } catch {
        return null;
      }
    });
    expect(root.body.version).toBe(stable);
    const row = (await deploymentsOf(api, service.serviceId)).find((d) => d.version === good.sha);
    expect(row).toMatchObject({ status: 'failed', canary: { status: 'aborted', automatic: true } });
    expect(row?.canary?.reason).toMatch(/platform (stopped|restarted) during the canary/);
    const operation = await waitForOperation(api, operationId, 60_000);
    expect(operation.status).toBe('failed');
    expect(await liveVersion()).toBe(stable);
    // Every request now reaches the stable version.
    const loop = requestLoop(service.stablePort, 4);
    await waitFor(() => loop.results.length >= 100);
    const results = await loop.stop();
    expect(failed(results)).toEqual([]);
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([stable]));
  });
});
