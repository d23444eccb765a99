import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CostReport, Deployment } from '../../../../shared/features/self-service/api';
import type { Incident } from '../../../../shared/features/self-service/api';
import type { Template } from '../../../../shared/features/self-service/api';
import {
  commitFiles,
  resolveCommit,
} from '../../../../server/features/self-service/repositories/git-repository';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { waitFor } from '../../../harness/wait-for';
import { getJson, serviceProcesses, waitForOperation, type Api } from './self-service-support';

let platform: TestPlatform;
let api: Api;
let teamId: string;

beforeAll(async () => {
  platform = await startTestPlatform({ selfService: { healthIntervalMs: 100, healthTimeoutMs: 4000 } });
  api = apiClient(platform.url, platform.adminToken);
  const team = await api('POST', '/v1/teams', { slug: 'payments', name: 'Payments' });
  expect(team.status).toBe(201);
  teamId = (team.body as { id: string }).id;
});

afterAll(async () => {
  await platform?.close();
});

async function createService(templateId: string, name: string, extra: Record<string, unknown> = {}) {
  const created = await api('POST', `/v1/templates/${templateId}/services`, {
    values: { name, title: `The ${name}`, ownerTeamId: teamId, ...extra },
    deployTo: 'development',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  const operation = await waitForOperation(api, (created.body as { operationId: string }).operationId);
  expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
  const result = operation.result as { serviceId: string; version: string; stablePort: number };
  return { ...result, bareRepo: path.join(platform.dataDir, 'repositories', `${name}.git`) };
}

async function deploy(
  serviceId: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const accepted = await api('POST', `/v1/services/${serviceId}/deployments`, body, headers);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  return waitForOperation(api, (accepted.body as { operationId: string }).operationId);
}

async function deployments(serviceId: string, environment = 'development'): Promise<Deployment[]> {
  const { body } = await api('GET', `/v1/services/${serviceId}/deployments?environment=${environment}`);
  return (body as { items: Deployment[] }).items;
}

const author = { name: 'Test Engineer', email: 'engineer@example.com' };

describe('templates', () => {
  it('serves both templates with a JSON Schema form and policy rules', async () => {
    const { status, body } = await api('GET', '/v1/templates');
    expect(status).toBe(200);
    const items = (body as { items: Template[] }).items;
    expect(items.map((t) => t.id)).toEqual(['http-service', 'background-worker']);
    const http = items[0] as Template;
    expect(http.parameters).toMatchObject({ type: 'object', properties: { name: { type: 'string' } } });
    expect(http.policies.find((p) => p.id === 'production-after-healthy-staging')?.severity).toBe('blocking');
  });

  it('rejects invalid values with a 400 naming the field, and an unknown template with 404', async () => {
    const bad = await api('POST', '/v1/templates/http-service/services', {
      values: { name: 'Not A Slug', title: 'x', ownerTeamId: teamId },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('values.name');
    const missing = await api('POST', '/v1/templates/nope/services', { values: {} });
    expect(missing.status).toBe(404);
  });
});

describe('HTTP service: create, deploy, break, roll back', () => {
  let service: Awaited<ReturnType<typeof createService>>;

  beforeAll(async () => {
    service = await createService('http-service', 'checkout-api', { greeting: 'first version' });
  });

  it('creates a git repository, a catalog entry, and a healthy development deploy behind a stable port', async () => {
    const head = await resolveCommit(service.bareRepo, 'main');
    expect(head.sha).toBe(service.version);
    const catalog = await api('GET', `/v1/services/${service.serviceId}`);
    expect(catalog.body).toMatchObject({ name: 'checkout-api', ownerTeamId: teamId, tags: ['http-service'] });

    const health = await getJson(`http://127.0.0.1:${service.stablePort}/healthz`);
    expect(health).toEqual({ status: 200, body: { status: 'ok' } });
    const root = await getJson(`http://127.0.0.1:${service.stablePort}/`);
    expect(root.body).toMatchObject({
      service: 'checkout-api',
      message: 'first version',
      version: service.version,
    });
    const info = await fetch(`http://127.0.0.1:${service.stablePort}/catalog-info.yaml`);
    expect(info.headers.get('content-type')).toContain('application/yaml');
    expect(await info.text()).toMatch(/^ {2}name: checkout-api$/m);

    const [live] = await deployments(service.serviceId);
    expect(live).toMatchObject({ status: 'live', health: 'healthy', version: service.version });
    expect(Date.parse(live?.committedAt ?? '')).toBeLessThanOrEqual(Date.parse(live?.finishedAt ?? ''));
  });

  it('keeps the previous version serving when a new version fails its health check', async () => {
    const broken = await commitFiles(
      service.bareRepo,
      new Map([
        [
          'server.js',
          "import http from 'node:http';\nhttp.createServer((q, s) => { s.writeHead(500); s.end(); }).listen(Number(process.env.PORT), '127.0.0.1');\n",
        ],
      ]),
      author,
      'Break the health check',
    );
    const operation = await deploy(service.serviceId, { environment: 'development', version: broken.sha });
    expect(operation.status).toBe('failed');
    expect(operation.error?.code).toBe('health_check_failed');
    const root = await getJson(`http://127.0.0.1:${service.stablePort}/`);
    expect(root.body.version).toBe(service.version);
    const history = await deployments(service.serviceId);
    expect(history.find((d) => d.version === broken.sha)?.status).toBe('failed');
    expect(history.find((d) => d.version === service.version)?.status).toBe('live');
    // The failed version's process was stopped: only the live one runs.
    const processes = await serviceProcesses(service.serviceId);
    expect(processes.map((p) => p.env.PAVE_VERSION)).toEqual([service.version]);
  });

  it('deploys a new version, then rolls back to the previous one', async () => {
    // Restore a good server.js on top of the broken commit, with a new greeting.
    const files = new Map<string, string>();
    const original = await readFile(
      path.join(platform.dataDir, 'runtime', service.serviceId, 'development', service.version, 'server.js'),
      'utf8',
    );
    files.set('server.js', original.replace('"first version"', '"second version"'));
    const second = await commitFiles(service.bareRepo, files, author, 'Second greeting');
    const operation = await deploy(service.serviceId, { environment: 'development' });
    expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
    expect((await getJson(`http://127.0.0.1:${service.stablePort}/`)).body).toMatchObject({
      message: 'second version',
      version: second.sha,
    });

    const accepted = await api('POST', `/v1/services/${service.serviceId}/rollbacks`, {
      environment: 'development',
    });
    expect(accepted.status).toBe(202);
    const rolledBack = await waitForOperation(api, (accepted.body as { operationId: string }).operationId);
    expect(rolledBack.status, JSON.stringify(rolledBack.error)).toBe('succeeded');
    expect((await getJson(`http://127.0.0.1:${service.stablePort}/`)).body).toMatchObject({
      message: 'first version',
      version: service.version,
    });
    const history = await deployments(service.serviceId);
    const live = history.find((d) => d.status === 'live');
    expect(live).toMatchObject({ version: service.version });
    expect(history.find((d) => d.id === live?.rolledBackFromId)).toMatchObject({
      version: second.sha,
      status: 'rolled_back',
    });
  });

  it('the same Idempotency-Key twice queues one deploy', async () => {
    const before = (await deployments(service.serviceId)).length;
    const headers = { 'idempotency-key': 'deploy-once-1' };
    const first = await api(
      'POST',
      `/v1/services/${service.serviceId}/deployments`,
      { environment: 'development' },
      headers,
    );
    const second = await api(
      'POST',
      `/v1/services/${service.serviceId}/deployments`,
      { environment: 'development' },
      headers,
    );
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    await waitForOperation(api, (first.body as { operationId: string }).operationId);
    expect((await deployments(service.serviceId)).length).toBe(before + 1);
  });

  it('a push delivered twice and a push resent after a lost response end in exactly one deploy', async () => {
    const before = await deployments(service.serviceId);
    const clientId = randomUUID();
    const mutation = {
      id: 1,
      name: 'service.deploy',
      args: { serviceId: service.serviceId, environment: 'development' },
      idempotencyKey: randomUUID(),
      createdAt: new Date().toISOString(),
    };
    const first = await api('POST', '/v1/sync/push', { clientId, mutations: [mutation] });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // The response was lost: the client resends the same batch.
    const resent = await api('POST', '/v1/sync/push', { clientId, mutations: [mutation] });
    expect(resent.body).toEqual(first.body);
    // Delivered again under a new mutation id (e.g. re-queued after a crash), same idempotency key.
    const again = await api('POST', '/v1/sync/push', { clientId, mutations: [{ ...mutation, id: 2 }] });
    const results = [first, again].map(
      (r) => (r.body as { results: { status: string; result: unknown }[] }).results[0],
    );
    expect(results.map((r) => r?.status)).toEqual(['applied', 'applied']);
    expect(results[1]?.result).toEqual(results[0]?.result);
    const { operationId } = results[0]?.result as { operationId: string };
    const operation = await waitForOperation(api, operationId);
    expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
    const after = await deployments(service.serviceId);
    expect(after.length).toBe(before.length + 1);
    expect(after.filter((d) => d.operationId === operationId)).toHaveLength(1);
    // One live process plus the kept previous version: never a duplicate from the repeated push.
    expect((await serviceProcesses(service.serviceId)).length).toBeLessThanOrEqual(2);
  });

  it('records a hard-coded password as a warning and still deploys; a blocking policy blocks production', async () => {
    const leaky = await commitFiles(
      service.bareRepo,
      new Map([['config.js', 'export const password = "hunter2-not-a-real-one";\n']]),
      author,
      'Add config',
    );
    const ok = await deploy(service.serviceId, { environment: 'development', version: leaky.sha });
    expect(ok.status, JSON.stringify(ok.error)).toBe('succeeded');
    const live = (await deployments(service.serviceId)).find((d) => d.status === 'live');
    expect(live?.findings).toContainEqual(
      expect.objectContaining({ rule: 'hardcoded-password', severity: 'warning', location: 'config.js:1' }),
    );

    const blocked = await deploy(service.serviceId, { environment: 'production', version: leaky.sha });
    expect(blocked.status).toBe('failed');
    expect(blocked.error?.code).toBe('guardrail_blocked');
    const [attempt] = await deployments(service.serviceId, 'production');
    expect(attempt?.status).toBe('failed');
    expect(attempt?.findings.map((f) => f.rule)).toContain('production-after-healthy-staging');
  });

  it("lets engineers deploy only their own team's services", async () => {
    const other = await api('POST', '/v1/teams', { slug: 'other-team', name: 'Other' });
    const user = await api('POST', '/v1/users', {
      name: 'Eve',
      email: 'eve@example.com',
      role: 'engineer',
      teamIds: [(other.body as { id: string }).id],
    });
    const issued = await api('POST', `/v1/users/${(user.body as { id: string }).id}/tokens`, { name: 't' });
    const eve = apiClient(platform.url, (issued.body as { token: string }).token);
    const denied = await eve('POST', `/v1/services/${service.serviceId}/deployments`, {
      environment: 'development',
    });
    expect(denied.status).toBe(403);
    const create = await eve('POST', '/v1/templates/http-service/services', {
      values: { name: 'eve-svc', title: 'Eve', ownerTeamId: teamId },
    });
    expect(create.status).toBe(403);
  });

  it('brings the live version back on the same stable port after a platform restart', async () => {
    const live = (await deployments(service.serviceId)).find((d) => d.status === 'live');
    await platform.stop();
    expect(await serviceProcesses(service.serviceId)).toEqual([]);
    await platform.start();
    const root = await waitFor(async () => {
      try {
        return await getJson(`http://127.0.0.1:${service.stablePort}/`);
      } catch {
        return null;
      }
    });
    expect(root.body.version).toBe(live?.version);
    expect((await deployments(service.serviceId)).find((d) => d.status === 'live')?.id).toBe(live?.id);
  });

  it('streams captured logs as SSE', async () => {
    await getJson(`http://127.0.0.1:${service.stablePort}/healthz`);
    const response = await fetch(
      `${platform.url}/v1/services/${service.serviceId}/environments/development/logs?tail=50`,
      { headers: { authorization: `Bearer ${platform.adminToken}` } },
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    expect(text).toContain('event: log');
    expect(text).toContain('listening');
  });
});

describe('secrets reach the process, not the logs', () => {
  it('injects a secret set via the secrets API into the environment and redacts it from output', async () => {
    const service = await createService('http-service', 'ledger-api');
    const value = 'sup3r-s3cret-value-4242';
    const put = await api('PUT', `/v1/services/${service.serviceId}/secrets/development/LEDGER_TOKEN`, {
      value,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(204);
    const operation = await deploy(service.serviceId, { environment: 'development' });
    expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');

    const live = (await deployments(service.serviceId)).find((d) => d.status === 'live');
    const processes = await serviceProcesses(service.serviceId);
    const current = processes.find((p) => p.env.PAVE_VERSION === live?.version && p.env.LEDGER_TOKEN);
    expect(current?.env.LEDGER_TOKEN).toBe(value);
    expect((await getJson(`http://127.0.0.1:${service.stablePort}/`)).body.configured).toEqual([
      'LEDGER_TOKEN',
    ]);

    const logs = await readFile(
      path.join(platform.dataDir, 'runtime', service.serviceId, 'development', 'output.ndjson'),
      'utf8',
    );
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(value);
    const events = await fetch(`${platform.url}/v1/operations/${operation.id}/events`, {
      headers: { authorization: `Bearer ${platform.adminToken}` },
    });
    const text = await events.text();
    expect(text).toContain('1 secret');
    expect(text).not.toContain(value);
  });
});

describe('background worker, health, incidents, cost', () => {
  it('runs the worker, opens an incident after N seconds unhealthy and resolves it on recovery', async () => {
    const worker = await createService('background-worker', 'nightly-jobs', { intervalSeconds: 1 });
    expect((await getJson(`http://127.0.0.1:${worker.stablePort}/healthz`)).body).toMatchObject({
      status: 'ok',
    });

    const rule = await api('POST', `/v1/services/${worker.serviceId}/alert-rules`, {
      environment: 'development',
      unhealthySeconds: 1,
    });
    expect(rule.status).toBe(201);

    // A hung process: stopped with SIGSTOP, it holds its port but answers nothing.
    const [proc] = await serviceProcesses(worker.serviceId);
    expect(proc).toBeDefined();
    process.kill(proc?.pid ?? 0, 'SIGSTOP');
    const incident = await waitFor(async () => {
      const { body } = await api('GET', `/v1/incidents?serviceId=${worker.serviceId}&status=open`);
      return (body as { items: Incident[] }).items[0];
    });
    expect(incident).toMatchObject({ environment: 'development', status: 'open' });
    const unhealthy = (await deployments(worker.serviceId)).find((d) => d.status === 'live');
    expect(unhealthy?.health).toBe('unhealthy');

    process.kill(proc?.pid ?? 0, 'SIGCONT');
    const resolved = await waitFor(async () => {
      const { body } = await api('GET', `/v1/incidents?serviceId=${worker.serviceId}`);
      const found = (body as { items: Incident[] }).items.find((i) => i.id === incident.id);
      return found?.status === 'resolved' ? found : null;
    });
    expect(Date.parse(resolved.resolvedAt ?? '')).toBeGreaterThan(Date.parse(resolved.openedAt));
    expect((await deployments(worker.serviceId)).find((d) => d.status === 'live')?.health).toBe('healthy');
  });

  it('reports cost per team and service with compute for live processes', async () => {
    const { status, body } = await api('GET', '/v1/cost');
    expect(status).toBe(200);
    const report = body as CostReport;
    const team = report.teams.find((t) => t.teamId === teamId);
    expect(team?.services.length).toBeGreaterThanOrEqual(3);
    const checkout = team?.services.find((s) => s.serviceName === 'checkout-api');
    expect(checkout?.computeUsd).toBe(report.computeRatesUsd.development);
  });
});
