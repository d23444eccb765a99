import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineRun } from '../../../../shared/features/pipelines/api';
import type { Deployment } from '../../../../shared/features/self-service/api';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { waitFor } from '../../../harness/wait-for';
import { cloneUrl, gitUser } from '../git/git-cli';
import {
  createTemplateService,
  getJson,
  paveYaml,
  runProcesses,
  waitForOperation,
  waitForRun,
  waitForRunningStep,
  type Api,
} from './pipeline-support';

let platform: TestPlatform;
let admin: Api;
let engineerToken: string;
let service: Awaited<ReturnType<typeof createTemplateService>>;
let user: Awaited<ReturnType<typeof gitUser>>;
const SERVICE = 'orders-api';

beforeAll(async () => {
  platform = await startTestPlatform({
    selfService: { healthIntervalMs: 100, healthTimeoutMs: 8000 },
    // A restart should not wait the default 10 s for a step that sleeps.
    operationsWorker: { drainMs: 300 },
  });
  admin = apiClient(platform.url, platform.adminToken);
  const team = (await admin('POST', '/v1/teams', { slug: 'orders', name: 'Orders' })).body as { id: string };
  const engineer = (
    await admin('POST', '/v1/users', { name: 'Ann', email: 'ann@example.com', teamIds: [team.id] })
  ).body as { id: string };
  engineerToken = (
    (await admin('POST', `/v1/users/${engineer.id}/tokens`, { name: 'git' })).body as { token: string }
  ).token;
  service = await createTemplateService(admin, platform, team.id, SERVICE);
  user = await gitUser('ann');
  await user.ok(['clone', cloneUrl(platform.url, engineerToken, SERVICE), 'work']);
}, 120_000);

afterAll(async () => {
  await user?.cleanup();
  await platform?.close();
});

const work = () => path.join(user.home, 'work');

async function pushChange(file: string, content: string, message: string, branch = 'main'): Promise<string> {
  await writeFile(path.join(work(), file), content);
  await user.ok(['add', '--all'], work());
  await user.ok(['commit', '--quiet', '-m', message], work());
  const pushed = await user.git(['push', 'origin', `HEAD:${branch}`], work());
  expect(pushed.code, pushed.stderr).toBe(0);
  return user.ok(['rev-parse', 'HEAD'], work());
}

async function runOf(sha: string): Promise<PipelineRun> {
  return waitFor(
    async () => {
      const { body } = await admin('GET', `/v1/services/${service.serviceId}/pipeline-runs`);
      return (body as { items: PipelineRun[] }).items.find((run) => run.commitSha === sha);
    },
    { what: `a pipeline run of ${sha.slice(0, 7)}` },
  );
}

describe('git push → pipeline → development', () => {
  it('a push to main runs the pipeline as the pusher and the commit goes live in development', async () => {
    const sha = await pushChange('NOTES.md', 'Pushed with the git CLI.\n', 'Add notes');
    const queued = await runOf(sha);
    expect(queued).toMatchObject({ commitMessage: 'Add notes' });
    const run = await waitForRun(admin, queued.id);
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.requestedBy).not.toBe('admin');
    const deploy = await waitForOperation(admin, run.deployOperationId ?? '');
    expect(deploy.status, JSON.stringify(deploy.error)).toBe('succeeded');
    expect(deploy.requestedBy).toBe(run.requestedBy);
    const root = await getJson(`http://127.0.0.1:${service.stablePort}/`);
    expect(root.body).toMatchObject({ service: SERVICE, version: sha });
  }, 120_000);

  it('a push to another branch runs nothing', async () => {
    const before = (await admin('GET', `/v1/services/${service.serviceId}/pipeline-runs`)).body as {
      items: PipelineRun[];
    };
    const sha = await pushChange('NOTES.md', 'On a branch.\n', 'Branch work', 'feature/notes');
    const after = (await admin('GET', `/v1/services/${service.serviceId}/pipeline-runs`)).body as {
      items: PipelineRun[];
    };
    expect(after.items.map((r) => r.id)).toEqual(before.items.map((r) => r.id));
    expect(after.items.some((r) => r.commitSha === sha)).toBe(false);
    await user.ok(['reset', '--quiet', '--hard', 'origin/main'], work());
  }, 60_000);
});

describe('a platform restart mid-run', () => {
  it('ends the run failed with the reason, kills its step, and the next push runs normally', async () => {
    const { body } = await admin(
      'GET',
      `/v1/services/${service.serviceId}/deployments?environment=development`,
    );
    const liveBefore = (body as { items: Deployment[] }).items.find((d) => d.status === 'live');
    const sha = await pushChange('pave.yaml', paveYaml([{ name: 'test', run: 'sleep 600' }]), 'A slow test');
    const run = await runOf(sha);
    await waitForRunningStep(admin, run.id, 'test');

    await platform.stop();
    await platform.start();

    const ended = await waitForRun(admin, run.id);
    expect(ended).toMatchObject({ status: 'failed', failedStep: 'test' });
    expect(ended.error).toMatch(/platform stopped during the run/);
    expect(ended.steps.find((s) => s.name === 'test')?.status).toBe('failed');
    expect(await runProcesses(run.id)).toEqual([]);
    const operation = await waitForOperation(admin, run.operationId);
    expect(operation.status).toBe('failed');

    const fixed = await pushChange(
      'pave.yaml',
      await readFile('resources/templates/http-service/pave.yaml', 'utf8'),
      'Back to the template pipeline',
    );
    const next = await waitForRun(admin, (await runOf(fixed)).id);
    expect(next.status, next.error ?? '').toBe('succeeded');
    // Still the version from before the restart until the new deploy is live.
    expect(liveBefore?.status).toBe('live');
    const deploy = await waitForOperation(admin, next.deployOperationId ?? '');
    expect(deploy.status, JSON.stringify(deploy.error)).toBe('succeeded');
  }, 120_000);
});
