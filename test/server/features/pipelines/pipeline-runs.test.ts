import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../../../shared/features/self-service/api';
import type { PlatformEvent } from '../../../../shared/features/events/api';
import { commitFiles } from '../../../../server/features/self-service/repositories/git-repository';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { waitFor } from '../../../harness/wait-for';
import { readOperationEvents } from '../operations/operation-waits';
import { seedTeamsAndEngineers } from '../operations/people';
import {
  author,
  createTemplateService,
  getJson,
  getRun,
  paveYaml,
  runProcesses,
  startRun,
  waitForOperation,
  waitForRun,
  waitForRunningStep,
  type Api,
} from './pipeline-support';

let platform: TestPlatform;
let api: Api;
let teamId: string;
let service: Awaited<ReturnType<typeof createTemplateService>>;
/** The commit the development environment serves after the green run. */
let greenSha: string;

beforeAll(async () => {
  platform = await startTestPlatform({ selfService: { healthIntervalMs: 100, healthTimeoutMs: 8000 } });
  api = apiClient(platform.url, platform.adminToken);
  const team = await api('POST', '/v1/teams', { slug: 'checkout', name: 'Checkout' });
  expect(team.status).toBe(201);
  teamId = (team.body as { id: string }).id;
  service = await createTemplateService(api, platform, teamId, 'cart-api');
}, 120_000);

afterAll(async () => {
  await platform?.close();
});

async function developmentLive(): Promise<Deployment | undefined> {
  const { body } = await api('GET', `/v1/services/${service.serviceId}/deployments?environment=development`);
  return (body as { items: Deployment[] }).items.find((d) => d.status === 'live');
}

const commit = (files: Record<string, string>, message: string) =>
  commitFiles(service.bareRepo, new Map(Object.entries(files)), author, message);

describe('a green run on the http-service template', () => {
  it('checks out, installs, tests, builds, publishes the version and deploys it to development', async () => {
    const change = await commit({ 'CHANGELOG.md': '# Changes\n\n- first pipeline run\n' }, 'Add a changelog');
    const { operationId, runId } = await startRun(api, service.serviceId);
    const run = await waitForRun(api, runId);
    // The operation ends after the run row (the workspace is removed in between).
    expect((await waitForOperation(api, operationId)).status).toBe('succeeded');
    expect(run, JSON.stringify(run.error)).toMatchObject({
      status: 'succeeded',
      commitSha: change.sha,
      failedStep: null,
    });
    expect(run.steps.map((s) => [s.name, s.status])).toEqual([
      ['checkout', 'succeeded'],
      ['install', 'succeeded'],
      ['test', 'succeeded'],
      ['build', 'succeeded'],
      ['package', 'succeeded'],
    ]);
    for (const step of run.steps) expect(step.durationMs).toBeGreaterThanOrEqual(0);
    expect(run.versionId).toBeTruthy();
    expect(
      existsSync(path.join(platform.dataDir, 'artifacts', service.serviceId, `${change.sha}.tar.gz`)),
    ).toBe(true);
    // The workspace is gone: only the artifact stays.
    expect(existsSync(path.join(platform.dataDir, 'pipelines', runId))).toBe(false);

    // The operation's live log carries each step's output, prefixed with its name.
    const events = await readOperationEvents(platform.url, platform.adminToken, operationId);
    const log = events.map((e) => e.message).join('\n');
    expect(log).toContain('[test] ');
    expect(log).toMatch(/\[test\] .*pass 3/);
    expect(log).toContain('[build] built');

    expect(run.deployOperationId).toBeTruthy();
    const deploy = await waitForOperation(api, run.deployOperationId ?? '');
    expect(deploy.status, JSON.stringify(deploy.error)).toBe('succeeded');
    const live = await developmentLive();
    expect(live).toMatchObject({ version: change.sha, health: 'healthy' });
    const root = await getJson(`http://127.0.0.1:${service.stablePort}/`);
    expect(root.body).toMatchObject({ service: 'cart-api', version: change.sha });
    greenSha = change.sha;

    const recorded = await api('GET', `/v1/platform-events?kind=pipeline_run&serviceId=${service.serviceId}`);
    const event = (recorded.body as { items: PlatformEvent[] }).items.find((e) => e.data.runId === runId);
    expect(event?.data).toMatchObject({ result: 'succeeded', commitSha: change.sha, failedStep: null });
    expect((event?.data.steps as unknown[]).length).toBe(5);
  }, 120_000);

  it('promotes the published version to staging, then production; production first is refused', async () => {
    const unpromoted = await commit({ 'CHANGELOG.md': '# Changes\n\n- not promoted\n' }, 'Not promoted yet');
    const second = await waitForRun(api, (await startRun(api, service.serviceId)).runId);
    expect(second.status).toBe('succeeded');
    await waitForOperation(api, second.deployOperationId ?? '');

    // The template's policy: production only after a healthy staging deploy of the same version.
    const tooEarly = await api('POST', `/v1/services/${service.serviceId}/deployments`, {
      environment: 'production',
      version: unpromoted.sha,
    });
    expect(tooEarly.status).toBe(202);
    const refused = await waitForOperation(api, (tooEarly.body as { operationId: string }).operationId);
    expect(refused.status).toBe('failed');
    expect(refused.error?.message).toMatch(/staging/i);

    for (const environment of ['staging', 'production']) {
      const accepted = await api('POST', `/v1/services/${service.serviceId}/deployments`, {
        environment,
        version: greenSha,
      });
      expect(accepted.status).toBe(202);
      const operation = await waitForOperation(api, (accepted.body as { operationId: string }).operationId);
      expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
      const { body } = await api(
        'GET',
        `/v1/services/${service.serviceId}/deployments?environment=${environment}`,
      );
      const live = (body as { items: Deployment[] }).items.find((d) => d.status === 'live');
      expect(live?.version).toBe(greenSha);
    }
  }, 120_000);
});

describe('a red run deploys nothing', () => {
  it('a failing test fails step test with its output; the previous version keeps serving', async () => {
    const before = await developmentLive();
    const broken = await commit(
      {
        'broken.test.js':
          "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\ntest('totals add up', () => assert.equal(1 + 1, 3, 'the cart total is wrong'));\n",
      },
      'Break the cart total',
    );
    const { operationId, runId } = await startRun(api, service.serviceId);
    const run = await waitForRun(api, runId);
    expect(run).toMatchObject({
      status: 'failed',
      failedStep: 'test',
      versionId: null,
      deployOperationId: null,
    });
    expect(run.error).toContain('test failed with exit code 1');
    expect(run.error).toContain('the cart total is wrong');
    const test = run.steps.find((s) => s.name === 'test');
    expect(test).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(run.steps.find((s) => s.name === 'build')?.status).toBe('skipped');
    expect(run.steps.find((s) => s.name === 'package')?.status).toBe('skipped');
    const operation = await waitForOperation(api, operationId);
    expect(operation).toMatchObject({ status: 'failed', error: { code: 'pipeline_failed' } });
    expect(operation.error?.message).toContain('step test failed');

    expect(
      existsSync(path.join(platform.dataDir, 'artifacts', service.serviceId, `${broken.sha}.tar.gz`)),
    ).toBe(false);
    const after = await developmentLive();
    expect(after?.id).toBe(before?.id);
    const root = await getJson(`http://127.0.0.1:${service.stablePort}/`);
    expect(root.body.version).toBe(before?.version);
    const events = await api('GET', `/v1/platform-events?kind=pipeline_run&serviceId=${service.serviceId}`);
    const event = (events.body as { items: PlatformEvent[] }).items.find((e) => e.data.runId === runId);
    expect(event?.data).toMatchObject({ result: 'failed', failedStep: 'test' });
  }, 120_000);

  it('a broken pave.yaml fails checkout naming the line, or the field', async () => {
    await commit(
      { 'pave.yaml': 'version: 1\nsteps:\n  - name: test\n   run: node --test\n' },
      'Indent badly',
    );
    const syntax = await waitForRun(api, (await startRun(api, service.serviceId)).runId);
    expect(syntax).toMatchObject({ status: 'failed', failedStep: 'checkout' });
    expect(syntax.error).toMatch(/^pave\.yaml is not valid YAML at line 4, column \d+: /);

    await commit(
      { 'pave.yaml': paveYaml([{ name: 'test', run: 'true', timeoutSeconds: 99999 }]) },
      'Wait forever',
    );
    const schema = await waitForRun(api, (await startRun(api, service.serviceId)).runId);
    expect(schema).toMatchObject({ status: 'failed', failedStep: 'checkout' });
    expect(schema.error).toBe(
      'pave.yaml is invalid: steps[0].timeoutSeconds: must be at most 3600 (one hour)',
    );
    expect(schema.steps.map((s) => s.name)).toEqual(['checkout']);
  }, 60_000);

  it('a hanging test times out: the step fails and its process group is killed', async () => {
    await commit(
      {
        'pave.yaml': paveYaml([{ name: 'test', run: 'node --test', timeoutSeconds: 2 }]),
        'broken.test.js':
          "import { test } from 'node:test';\nimport { spawn } from 'node:child_process';\ntest('waits for a reply that never comes', async () => {\n  spawn('sleep', ['600'], { stdio: 'ignore' });\n  await new Promise(() => setInterval(() => {}, 1000));\n});\n",
      },
      'Hang in a test',
    );
    const { runId } = await startRun(api, service.serviceId);
    await waitForRunningStep(api, runId, 'test');
    await waitFor(async () => (await runProcesses(runId)).length > 1, {
      what: 'the hanging test started sleep',
    });
    const run = await waitForRun(api, runId);
    expect(run).toMatchObject({ status: 'failed', failedStep: 'test' });
    expect(run.error).toMatch(/^test timed out after 2 s/);
    expect(await runProcesses(runId)).toEqual([]);
  }, 60_000);

  it('a step that floods its output is stopped with the cap message', async () => {
    await commit(
      {
        'pave.yaml': paveYaml([
          { name: 'build', run: `node -e "process.stdout.write('x'.repeat(3000000))"; sleep 600` },
        ]),
      },
      'Print too much',
    );
    const { runId } = await startRun(api, service.serviceId);
    const run = await waitForRun(api, runId);
    expect(run).toMatchObject({ status: 'failed', failedStep: 'build' });
    expect(run.error).toMatch(/^build wrote more than 1 MB of output; stopped/);
    expect(await runProcesses(runId)).toEqual([]);
  }, 60_000);
});

describe('queue and cancel', () => {
  it('runs of one service go one at a time, in the order asked', async () => {
    await commit({ 'pave.yaml': paveYaml([{ name: 'work', run: 'sleep 1' }]) }, 'A quick pipeline');
    const first = await startRun(api, service.serviceId);
    const second = await startRun(api, service.serviceId);
    const [a, b] = [await waitForRun(api, first.runId), await waitForRun(api, second.runId)];
    expect(b.number).toBe(a.number + 1);
    expect(Date.parse(b.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(a.finishedAt ?? ''));
  }, 60_000);

  it('cancels a running run: its step is killed and marked cancelled', async () => {
    await commit(
      {
        'pave.yaml': paveYaml([
          { name: 'test', run: 'sleep 600' },
          { name: 'build', run: 'true' },
        ]),
      },
      'Slow',
    );
    const { operationId, runId } = await startRun(api, service.serviceId);
    await waitForRunningStep(api, runId, 'test');
    const cancel = await api('POST', `/v1/operations/${operationId}/cancel`);
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'cancelled' });
    const run = await getRun(api, runId);
    expect(run.status).toBe('cancelled');
    expect(run.steps.map((s) => s.status)).toEqual(['succeeded', 'cancelled', 'skipped', 'skipped']);
    const audit = await api('GET', '/v1/audit');
    expect(JSON.stringify(audit.body)).toContain(operationId);
    expect((audit.body as { items: { action: string; entityId: string }[] }).items).toContainEqual(
      expect.objectContaining({ action: 'operation.cancel', entityId: operationId }),
    );
    await waitFor(async () => (await runProcesses(runId)).length === 0, {
      what: 'the cancelled step killed',
    });
  }, 60_000);

  it('asks the right people: another team’s engineer is refused; a retried request is one run', async () => {
    const people = await seedTeamsAndEngineers(platform.url, platform.adminToken);
    const other = apiClient(platform.url, people.otherToken);
    const refused = await other('POST', `/v1/services/${service.serviceId}/pipeline-runs`, {});
    expect(refused.status).toBe(403);
    const unknown = await api('POST', `/v1/services/${service.serviceId}/pipeline-runs`, {
      commitSha: 'abcdef1',
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('commitSha');
    const bad = await api('POST', `/v1/services/${service.serviceId}/pipeline-runs`, {
      commitSha: 'not a sha',
    });
    expect(bad.status).toBe(400);

    await commit({ 'pave.yaml': paveYaml([{ name: 'work', run: 'true' }]) }, 'Quick again');
    const headers = { 'Idempotency-Key': `run-${Date.now()}` };
    const once = await startRun(api, service.serviceId, undefined, headers);
    const again = await startRun(api, service.serviceId, undefined, headers);
    expect(again).toEqual(once);
    await waitForRun(api, once.runId);
  }, 60_000);
});
